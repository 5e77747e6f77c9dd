using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Features.Disputes;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Disputes;

/// <summary>Tests that move the server's clock or replace its services own their server.</summary>
public sealed class DisputeDeadlineTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Stands in for the agreements feature's clause parser.</summary>
    private sealed class ClauseParser : IDisputeStepsSource
    {
        public List<ClauseReference> Asked { get; } = [];

        public Task<IReadOnlyList<DisputeStep>?> StepsAsync(Guid partnershipId, ClauseReference reference,
            CancellationToken ct = default)
        {
            lock (Asked) { Asked.Add(reference); }
            return Task.FromResult<IReadOnlyList<DisputeStep>?>(
                reference.Clause == "10" ? [new("Contacts", 3), new("Directors", 7)] : null);
        }
    }

    [Fact]
    public async Task APassedDeadlineShowsOverdueUntilTheDisputeMovesOn()
    {
        await using var factory = new WorkspaceFactory();
        var w = await TwoParties.CreateAsync(factory, "Overdue", _ct);
        object[] steps = [new { name = "Talk", days = 1 }, new { name = "Board", days = 2 }];
        var clause = new { agreementId = await w.AgreementAsync(_ct), clause = "9" };
        var id = (await w.RaiseAsync(w.A, TwoParties.Raise(clause: clause, steps: steps), _ct))
            .GetProperty("id")
            .GetGuid();
        Assert.False((await w.GetAsync(w.B, id, _ct)).GetProperty("overdue").GetBoolean());

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var late = await w.GetAsync(w.B, id, _ct);
        Assert.True(late.GetProperty("overdue").GetBoolean());
        var list = await TwoParties.OkAsync(w.B.Http.GetJsonAsync(w.Url("/disputes"), _ct));
        Assert.True(list[0].GetProperty("overdue").GetBoolean());
        await TwoParties.OkAsync(w.B.Http.PostJsonAsync(
            w.Url($"/disputes/{id}/steps/next"),
            new { fromStep = 0 },
            _ct));
        var moved = await w.GetAsync(w.B, id, _ct);
        Assert.False(moved.GetProperty("overdue").GetBoolean());
        Assert.True(moved.GetProperty("steps")[0].GetProperty("deadline").GetDateTimeOffset()
            < moved.GetProperty("steps")[1].GetProperty("startedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheAgreementsStepsSourceIsAskedForTheClauseNamed()
    {
        var parser = new ClauseParser();
        await using var factory = new WorkspaceFactory().WithServices(s => s.AddSingleton<IDisputeStepsSource>(parser));
        var w = await TwoParties.CreateAsync(factory, "Parser", _ct);
        var agreementId = await w.AgreementAsync(_ct);

        var named = await w.RaiseAsync(w.A, TwoParties.Raise(clause: new { agreementId, clause = "10" }), _ct);
        var silent = await w.RaiseAsync(w.A, TwoParties.Raise(clause: new { agreementId, clause = "3" }), _ct);

        Assert.Equal(["Contacts", "Directors"],
            named.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(4, silent.GetProperty("steps").GetArrayLength());
        Assert.Contains(new ClauseReference(agreementId, "10"), parser.Asked);
    }
}
