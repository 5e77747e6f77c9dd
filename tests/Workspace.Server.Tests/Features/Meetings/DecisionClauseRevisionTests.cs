using System.Net;
using System.Text.Json;
using Workspace.Collaboration.Errors;
using Workspace.Server.Tests.Features.Agreements;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Agreements.AgreementTextKit;
using static Workspace.Server.Tests.Features.Agreements.TwoParties;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>A decision's revision keeps, changes or clears its agreement clause; a clause of another partnership's
/// agreement, or no clause at all, is refused and the decision stays as it was.</summary>
public sealed class DecisionClauseRevisionTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARevisionKeepsChangesAndClearsTheClauseLink()
    {
        var (p, agreementId, url) = await DecidedAsync("Revise links");
        await ReplaceAsync(factory, p.B, p.Id, agreementId, "## 2. Purpose",
            "## 2. Background\nWhy we met.\n\n## 3. Purpose", _ct);
        await ReplaceAsync(factory, p.A, p.Id, agreementId, "## 5. Profit", "## 6. Profit", _ct);

        // Left alone (no clause sent), and sent back as shown before the renumbering: kept, at its number now.
        var kept = await ReviseAsync(p, url, 1, null);
        Assert.Equal(("6", "Profit and cost sharing", false), Clause(kept));
        var shown = await ReviseAsync(p, url, 2, new { agreementId, number = "6" });
        Assert.Equal(("6", "Profit and cost sharing", false), Clause(shown));

        var changed = await ReviseAsync(p, url, 3, new { agreementId, number = "10" });
        Assert.Equal(("10", "Dispute resolution", false), Clause(changed));
        var cleared = await ReviseAsync(p, url, 4, new { agreementId = Guid.Empty, number = "0" });
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("clause").ValueKind);
        Assert.Equal(5, cleared.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task AClauseOfAnotherPartnershipOrAMissingClauseIsRefusedAndTheDecisionStaysAsItWas()
    {
        var (p, agreementId, url) = await DecidedAsync("Revise refused");
        var other = await TwoParties.CreateAsync(factory, "Revise other", _ct);
        var foreign = IdOf(await other.CreateAgreementAsync(_ct));

        var across = await p.A.Http.PostJsonAsync(url, Revision(1, new { agreementId = foreign, number = "5" }), _ct);
        var missing = await p.A.Http.PostJsonAsync(url, Revision(1, new { agreementId, number = "42" }), _ct);

        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.UnknownAgreement, "clause.agreementId"),
            (across.Status, Code(across.Body), Field(across.Body)));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.UnknownClause, "clause.number"),
            (missing.Status, Code(missing.Body), Field(missing.Body)));
        var (_, decisions) = await p.A.Http.GetJsonAsync($"/api/partnerships/{p.Id}/decisions", _ct);
        Assert.Equal((1, "Share profit quarterly"), (decisions[0].GetProperty("revision").GetInt32(),
            decisions[0].GetProperty("text").GetString()));
        Assert.Equal(("5", "Profit and cost sharing", false), Clause(decisions[0]));
    }

    private async Task<(TwoParties P, Guid AgreementId, string Url)> DecidedAsync(string name)
    {
        var p = await TwoParties.CreateAsync(factory, name, _ct);
        var agreementId = IdOf(await p.CreateAgreementAsync(_ct));
        var meetingId = (await OkAsync(p.A.Http.PostJsonAsync($"/api/partnerships/{p.Id}/meetings",
            MeetingTestKit.Meeting(p.A.Id, recurrence: "None"), _ct))).GetProperty("id").GetGuid();
        var decision = await OkAsync(p.A.Http.PostJsonAsync($"/api/partnerships/{p.Id}/meetings/{meetingId}/decisions",
            new { text = "Share profit quarterly", clause = new { agreementId, number = "5" } }, _ct));
        return (p, agreementId, $"/api/partnerships/{p.Id}/decisions/{decision.GetProperty("id")}/revisions");
    }

    private Task<JsonElement> ReviseAsync(TwoParties p, string url, int revision, object? clause) =>
        OkAsync(p.A.Http.PostJsonAsync(url, Revision(revision, clause), _ct));

    private static object Revision(int revision, object? clause) => new
    {
        text = "Share profit quarterly", reason = $"Revision {revision + 1}", revision, clause,
    };

    private static (string?, string?, bool) Clause(JsonElement linked)
    {
        var clause = linked.GetProperty("clause");
        return (clause.GetProperty("number").GetString(), clause.GetProperty("heading").GetString(),
            clause.GetProperty("deleted").GetBoolean());
    }

    private static string? Code(JsonElement problem) =>
        problem.GetProperty("errorCodes").EnumerateObject().First().Value[0].GetProperty("code").GetString();

    private static string Field(JsonElement problem) =>
        problem.GetProperty("errorCodes").EnumerateObject().First().Name;

    private static async Task<JsonElement> OkAsync(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body;
    }
}
