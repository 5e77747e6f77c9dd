using System.Net;
using System.Text.Json;
using Workspace.Collaboration.Errors;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Agreements.AgreementTextKit;
using static Workspace.Server.Tests.Features.Agreements.TwoParties;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>Action items (obligations' too) and decisions link to a clause of an agreement of the same partnership,
/// and the link follows the clause through the agreement's edits.</summary>
public sealed class ClauseLinkTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ItemsAndDecisionsShowTheirClausesCurrentNumberAfterClausesAreInsertedAndRenumbered()
    {
        var p = await TwoParties.CreateAsync(factory, "Links", _ct);
        var agreementId = IdOf(await p.CreateAgreementAsync(_ct));
        var item = await OkAsync(p.A.Http.PostJsonAsync(Api(p, "/action-items"),
            Item("Share the cost sheet", new { agreementId, number = "5" }), _ct));
        var meetingId = (await OkAsync(p.A.Http.PostJsonAsync(Api(p, "/meetings"), Meetings.MeetingTestKit.Meeting(
            p.A.Id, recurrence: "None"), _ct))).GetProperty("id").GetGuid();
        var decision = await OkAsync(p.A.Http.PostJsonAsync(Api(p, $"/meetings/{meetingId}/decisions"),
            new { text = "Mediation first", clause = new { agreementId, number = "10" } }, _ct));
        Assert.Equal(("5", "Profit and cost sharing", false), Clause(item));
        Assert.Equal(("10", "Dispute resolution", false), Clause(decision));

        await ReplaceAsync(factory, p.B, p.Id, agreementId, "## 2. Purpose",
            "## 2. Background\nWhy we met.\n\n## 3. Purpose", _ct);
        await ReplaceAsync(factory, p.A, p.Id, agreementId, "## 5. Profit", "## 6. Profit", _ct);
        await ReplaceAsync(factory, p.A, p.Id, agreementId, "## 10. Dispute", "## 11. Dispute", _ct);

        var items = await OkAsync(p.B.Http.GetJsonAsync(Api(p, "/action-items"), _ct));
        Assert.Equal(("6", "Profit and cost sharing", false), Clause(items[0]));
        var decisions = await OkAsync(p.B.Http.GetJsonAsync(Api(p, "/decisions"), _ct));
        Assert.Equal(("11", "Dispute resolution", false), Clause(decisions[0]));

        // An edit that does not name the clause keeps it; an obligation's items carry theirs.
        var edited = await OkAsync(p.A.Http.PutJsonAsync(Api(p, $"/action-items/{item.GetProperty("id")}"),
            new { title = "Share the cost sheet monthly", status = "Open", version = 1 }, _ct));
        Assert.Equal(("6", "Profit and cost sharing", false), Clause(edited));
        var obligation = await OkAsync(p.A.Http.PostJsonAsync(p.Url($"/{agreementId}/obligations"), new
        {
            clauseNumber = "6", title = "Cost report", partyId = p.PartyB, schedule = "once", start = "2027-01-15",
            offsetDays = 0, occurrences = 1,
        }, _ct));
        Assert.Equal(("6", "Profit and cost sharing", false), Clause(obligation.GetProperty("actionItems")[0]));
    }

    [Fact]
    public async Task AClauseOfAnotherPartnershipsAgreementOrNoClauseAtAllIsRefusedAndNothingIsMade()
    {
        var p = await TwoParties.CreateAsync(factory, "Links refused", _ct);
        var other = await TwoParties.CreateAsync(factory, "Links other", _ct);
        var agreementId = IdOf(await p.CreateAgreementAsync(_ct));
        var foreign = IdOf(await other.CreateAgreementAsync(_ct));
        var meetingId = (await OkAsync(p.A.Http.PostJsonAsync(Api(p, "/meetings"), Meetings.MeetingTestKit.Meeting(
            p.A.Id, recurrence: "None"), _ct))).GetProperty("id").GetGuid();

        var across = await p.A.Http.PostJsonAsync(Api(p, "/action-items"),
            Item("Across", new { agreementId = foreign, number = "5" }), _ct);
        var none = await p.A.Http.PostJsonAsync(Api(p, "/action-items"),
            Item("None", new { agreementId, number = "42" }), _ct);
        var decision = await p.A.Http.PostJsonAsync(Api(p, $"/meetings/{meetingId}/decisions"),
            new { text = "Across", clause = new { agreementId = foreign, number = "10" } }, _ct);

        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.UnknownAgreement), (across.Status, Code(across.Body)));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.UnknownClause), (none.Status, Code(none.Body)));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.UnknownAgreement), (decision.Status,
            Code(decision.Body)));
        Assert.Equal(0, (await OkAsync(p.A.Http.GetJsonAsync(Api(p, "/action-items"), _ct))).GetArrayLength());
        Assert.Equal(0, (await OkAsync(p.A.Http.GetJsonAsync(Api(p, "/decisions"), _ct))).GetArrayLength());
    }

    private static string Api(TwoParties p, string path) => $"/api/partnerships/{p.Id}{path}";

    private static object Item(string title, object clause) =>
        new { title, notes = "", status = "Open", version = 0, clause };

    private static (string?, string?, bool) Clause(JsonElement linked)
    {
        var clause = linked.GetProperty("clause");
        return (clause.GetProperty("number").GetString(), clause.GetProperty("heading").GetString(),
            clause.GetProperty("deleted").GetBoolean());
    }

    private static string? Code(JsonElement problem) =>
        problem.GetProperty("errorCodes").EnumerateObject().First().Value[0].GetProperty("code").GetString();

    private static async Task<JsonElement> OkAsync(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body;
    }
}
