using System.Net;
using System.Text.Json;
using Workspace.Collaboration.Errors;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>The capture bar links what it records to an agreement clause of the partnership; another partnership's
/// clause, or a clause that does not exist, is refused and nothing is captured.</summary>
public sealed class MeetingCaptureClauseTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CapturedDecisionsAndActionItemsCarryTheirClause()
    {
        var w = await RunWorld.CreateAsync(factory, _ct);
        var agreementId = await AgreementAsync(w.P);
        await w.OkAsync(w.Facilitator, "/start", ct: _ct);

        await w.OkAsync(w.Facilitator, "/decisions", new
        {
            occurrence = (string?)null, text = "Split profit 60/40", clause = new { agreementId, number = "5" },
        }, _ct);
        await w.OkAsync(w.Facilitator, "/action-items", new
        {
            occurrence = (string?)null, title = "Book a mediator", clause = new { agreementId, number = "10" },
        }, _ct);

        var (_, decisions) = await w.Viewer.Http.GetJsonAsync(w.P.Url($"/decisions?meetingId={w.MeetingId}"), _ct);
        var (_, items) = await w.Viewer.Http.GetJsonAsync(w.P.Url("/action-items"), _ct);
        Assert.Equal(("5", "Profit and cost sharing"), Clause(decisions.EnumerateArray().Single()));
        Assert.Equal(("10", "Dispute resolution"), Clause(items.EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == "Book a mediator")));
    }

    [Fact]
    public async Task AnotherPartnershipsClauseOrAMissingOneIsRefusedAndNothingIsCaptured()
    {
        var w = await RunWorld.CreateAsync(factory, _ct);
        var agreementId = await AgreementAsync(w.P);
        var other = await TestPartnership.CreateAsync(factory, "Other Owner", ct: _ct);
        var foreign = await AgreementAsync(other);
        await w.OkAsync(w.Facilitator, "/start", ct: _ct);

        var across = await w.Facilitator.Http.PostJsonAsync(w.Run("/decisions"), new
        {
            occurrence = (string?)null, text = "Across", clause = new { agreementId = foreign, number = "5" },
        }, _ct);
        var missing = await w.Facilitator.Http.PostJsonAsync(w.Run("/action-items"), new
        {
            occurrence = (string?)null, title = "Missing", clause = new { agreementId, number = "42" },
        }, _ct);

        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.UnknownAgreement),
            RunWorld.Refusal(across.Status, across.Body));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.UnknownClause),
            RunWorld.Refusal(missing.Status, missing.Body));
        Assert.Equal(0, (await w.GetAsync(w.Viewer, _ct)).GetProperty("captures").GetArrayLength());
        var (_, decisions) = await w.Viewer.Http.GetJsonAsync(w.P.Url("/decisions"), _ct);
        var (_, items) = await w.Viewer.Http.GetJsonAsync(w.P.Url("/action-items"), _ct);
        Assert.Equal((0, 0), (decisions.GetArrayLength(), items.GetArrayLength()));
    }

    private async Task<Guid> AgreementAsync(TestPartnership p)
    {
        var (status, body) = await p.Owner.Http.PostJsonAsync(p.Url("/agreements/"),
            new { title = "Cooperation agreement", language = "en" }, _ct);
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    private static (string?, string?) Clause(JsonElement linked)
    {
        var clause = linked.GetProperty("clause");
        return (clause.GetProperty("number").GetString(), clause.GetProperty("heading").GetString());
    }
}
