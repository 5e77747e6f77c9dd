using System.Net;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Disputes;

/// <summary>A dispute's clause is a clause of an agreement of its partnership, and its steps are the ones the
/// agreement's dispute-resolution clause names (the real agreements wiring, no stand-ins).</summary>
public sealed class DisputeAgreementClauseTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AClauseMustExistInAnAgreementOfThePartnershipAndNothingIsSavedOtherwise()
    {
        var w = await TwoParties.CreateAsync(factory, "Clause refs", _ct);
        var other = await PartnershipWorld.CreateAsync(factory, "Clause refs foreign", _ct);
        var agreementId = await w.AgreementAsync(_ct);
        var doc = await TwoParties.OkAsync(w.A.Http.PostJsonAsync(w.Url("/documents"), new { title = "Plain" }, _ct));
        object[] refused =
        [
            new { agreementId, clause = "42" },
            new { agreementId = other.AgreementId, clause = "5" },
            new { agreementId = doc.GetProperty("id").GetGuid(), clause = "5" },
        ];
        foreach (var clause in refused)
        {
            var (status, problem) = await w.A.Http.PostJsonAsync(w.Url("/disputes"), TwoParties.Raise(clause: clause),
                _ct);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("unknownClause", TwoParties.Code(problem));
        }
        Assert.Equal(0, (await TwoParties.OkAsync(w.A.Http.GetJsonAsync(w.Url("/disputes"), _ct))).GetArrayLength());

        var d = await w.RaiseAsync(w.A, TwoParties.Raise(clause: new { agreementId, clause = "5" }), _ct);
        Assert.Equal("MoU § 5 Profit and cost sharing", d.GetProperty("clause").GetProperty("title").GetString());
        Assert.Equal(agreementId, d.GetProperty("clause").GetProperty("agreementId").GetGuid());
    }

    [Fact]
    public async Task StepsAndDeadlinesComeFromTheAgreementsDisputeResolutionClause()
    {
        var w = await TwoParties.CreateAsync(factory, "Clause steps", _ct);
        var agreementId = await w.AgreementAsync(_ct);

        var d = await w.RaiseAsync(w.A, TwoParties.Raise(clause: new { agreementId, clause = "5" }), _ct);

        var steps = d.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([14, 14, 30, 90], steps.Select(s => s.GetProperty("days").GetInt32()));
        Assert.StartsWith("Negotiation", steps[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Arbitration", steps[3].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(d.GetProperty("createdAt").GetDateTimeOffset().AddDays(14),
            d.GetProperty("deadline").GetDateTimeOffset());
    }
}
