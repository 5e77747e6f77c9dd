using System.Net;
using System.Text.Json;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Agreements.AgreementTextKit;

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

    [Fact]
    public async Task TheClauseFollowsInsertsBeforeItRenumberingAndItsHeadingAndIsShownDeletedOnceDeleted()
    {
        var w = await TwoParties.CreateAsync(factory, "Clause follows", _ct);
        var agreementId = await w.AgreementAsync(_ct);
        var d = await w.RaiseAsync(w.A, TwoParties.Raise(clause: new { agreementId, clause = "5" }), _ct);
        var id = d.GetProperty("id").GetGuid();
        Assert.Equal(("5", "Profit and cost sharing", false), Clause(d));

        // A clause goes in before it, and it is renumbered by hand.
        await ReplaceAsync(w.Factory, w.B, w.P.Id, agreementId, "## 2. Purpose",
            "## 2. Background\nWhy we met.\n\n## 3. Purpose", _ct);
        await ReplaceAsync(w.Factory, w.B, w.P.Id, agreementId, "## 5. Profit", "## 6. Profit", _ct);
        Assert.Equal(("6", "Profit and cost sharing", false), Clause(await w.GetAsync(w.A, id, _ct)));

        // Its heading is reworded.
        await ReplaceAsync(w.Factory, w.A, w.P.Id, agreementId, "cost sharing", "loss sharing", _ct);
        var renamed = await w.GetAsync(w.B, id, _ct);
        Assert.Equal(("6", "Profit and loss sharing", false), Clause(renamed));
        Assert.Equal("MoU § 6 Profit and loss sharing", renamed.GetProperty("clause").GetProperty("title").GetString());

        // It is deleted, and the clause after it takes its number: the link does not move to that one.
        await DeleteAsync(w.Factory, w.A, w.P.Id, agreementId, "## 6. Profit", "## 6. Intellectual", _ct);
        Assert.Equal(("6", "Profit and loss sharing", true), Clause(await w.GetAsync(w.A, id, _ct)));
    }

    private static (string?, string?, bool) Clause(JsonElement dispute)
    {
        var clause = dispute.GetProperty("clause");
        return (clause.GetProperty("number").GetString(), clause.GetProperty("heading").GetString(),
            clause.GetProperty("deleted").GetBoolean());
    }
}
