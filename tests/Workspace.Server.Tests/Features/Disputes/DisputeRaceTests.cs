using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.Disputes;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Disputes;

/// <summary>
/// The acceptance that resolves a dispute is held up while it is being saved, and a withdrawal of the same proposal
/// arrives meanwhile: the grain finishes the acceptance first, so the withdrawal sees a resolved dispute.
/// </summary>
public sealed class DisputeRaceTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Once armed, saving an answer takes a while, so anything that could slip in between a check and its
    /// save would.</summary>
    private sealed class SlowAnswers : SaveChangesInterceptor
    {
        public volatile bool Armed;

        public TaskCompletionSource Saving { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed
                && eventData.Context!.ChangeTracker.Entries<DisputeAnswer>().Any(e => e.State == EntityState.Added))
            {
                Saving.TrySetResult();
                await Task.Delay(800, cancellationToken);
            }
            return result;
        }
    }

    [Fact]
    public async Task AWithdrawalArrivingWhileTheLastAcceptanceIsSavedFindsTheDisputeResolved()
    {
        var slow = new SlowAnswers();
        await using var factory = new WorkspaceFactory()
            .WithServices(s => s.ConfigureDbContext<WorkspaceDb>(o => o.AddInterceptors(slow)));
        var w = await TwoParties.CreateAsync(factory, "Held", _ct);
        var id = (await w.RaiseAsync(w.B, TwoParties.Raise(), _ct)).GetProperty("id").GetGuid();
        var proposal = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new
        {
            text = "Split the cost.", actionItems = new[] { new { title = "Split the invoice" } },
        }, _ct));
        await TwoParties.OkAsync(w.AnswerAsync(w.A, id, proposal, true, _ct));
        slow.Armed = true;

        var acceptance = w.AnswerAsync(w.B, id, proposal, true, _ct);
        await slow.Saving.Task.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        var withdrawal = await w.A.Http.PostJsonAsync(
            w.Url($"/disputes/{id}/proposals/{proposal}/withdraw"),
            new { },
            _ct);
        var accepted = await acceptance;

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("Resolved", accepted.Body.GetProperty("status").GetString());
        Assert.Equal(
            (HttpStatusCode.BadRequest, "disputeResolved"),
            (withdrawal.Status, TwoParties.Code(withdrawal.Body)));
        var d = await w.GetAsync(w.B, id, _ct);
        Assert.Equal("Accepted", d.GetProperty("proposals")[0].GetProperty("status").GetString());
        var items = await TwoParties.OkAsync(w.A.Http.GetJsonAsync(w.Url("/action-items"), _ct));
        Assert.Single(items.EnumerateArray(), i => i.GetProperty("title").GetString() == "Split the invoice");
    }
}
