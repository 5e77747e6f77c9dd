using System.Net;
using System.Text.Json;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>
/// Capture in facilitator mode: decisions and action items recorded under the current agenda item, seen live by every
/// attendee; the action items are ordinary ones that remember their meeting.
/// </summary>
public sealed class MeetingCaptureTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Decision(string text) => new { occurrence = (string?)null, text, why = "Cheaper" };

    private static object Action(string title, string? owner, string? due) =>
        new { occurrence = (string?)null, title, ownerUserId = owner, dueDate = due };

    [Fact]
    public async Task CapturesBelongToTheCurrentItemAndReachEveryAttendeeLive()
    {
        var w = await RunWorld.CreateAsync(factory, _ct);
        await using var runs = await LiveWatcher.StartAsync(factory, w.Partner, w.P.Id, "meeting.run", _ct);
        await using var board = await LiveWatcher.StartAsync(factory, w.Partner, w.P.Id, "action.updated", _ct);
        await w.OkAsync(w.Facilitator, "/attendance", new { occurrence = (string?)null, userId = w.Partner.Id,
            present = true }, _ct);
        await w.OkAsync(w.Facilitator, "/start", ct: _ct);
        await w.OkAsync(w.Facilitator, "/next", ct: _ct);

        await w.OkAsync(w.Facilitator, "/decisions", Decision("Buy at the regional floor price"), _ct);
        var seenDecision = await runs.NextAsync(r => r.GetProperty("captures").GetArrayLength() == 1, _ct);
        await w.OkAsync(w.Partner, "/action-items", Action("Send the price list", w.Partner.Id, "2027-01-15"), _ct);
        var seenItem = await board.NextAsync(i => i.GetProperty("title").GetString() == "Send the price list", _ct);
        var last = await w.OkAsync(w.Facilitator, "/action-items", Action("Book the warehouse", null, null), _ct);
        var seenBoth = await runs.NextAsync(r => r.GetProperty("captures").GetArrayLength() == 3, _ct);
        var (_, decisions) = await w.Viewer.Http.GetJsonAsync(w.P.Url($"/decisions?meetingId={w.MeetingId}"), _ct);
        var (_, items) = await w.Viewer.Http.GetJsonAsync(w.P.Url("/action-items"), _ct);

        var decision = decisions.EnumerateArray().Single();
        Assert.Equal("Buy at the regional floor price", decision.GetProperty("text").GetString());
        Assert.Equal(w.Items[1], decision.GetProperty("agendaItemId").GetGuid());
        // Agreed by the parties of the people present: the facilitator's was not marked, the partner's was.
        Assert.Equal(1, decision.GetProperty("partyIds").GetArrayLength());
        Assert.Equal("decision", seenDecision.GetProperty("captures")[0].GetProperty("kind").GetString());
        Assert.Equal(w.MeetingId, seenItem.GetProperty("meetingId").GetGuid());
        Assert.Equal("Budi Partner", seenItem.GetProperty("ownerName").GetString());
        Assert.Equal("2027-01-15", seenItem.GetProperty("dueDate").GetString());
        Assert.Equal(2, items.EnumerateArray().Count(i => i.GetProperty("meetingId").ValueKind != JsonValueKind.Null
            && i.GetProperty("meetingId").GetGuid() == w.MeetingId));
        Assert.Equal(["decision", "action", "action"], seenBoth.GetProperty("captures").EnumerateArray()
            .Select(c => c.GetProperty("kind").GetString()));
        Assert.All(seenBoth.GetProperty("captures").EnumerateArray(),
            c => Assert.Equal(w.Items[1], c.GetProperty("agendaItemId").GetGuid()));
        Assert.Equal(seenBoth.GetProperty("captures").ToString(), last.GetProperty("captures").ToString());
    }

    [Fact]
    public async Task CaptureNeedsARunningMeetingAnEditorAndSoundInputAndRefusalsSaveNothing()
    {
        var w = await RunWorld.CreateAsync(factory, _ct);
        var other = await TestPartnership.CreateAsync(factory, "Stranger", ct: _ct);
        var refusals = new List<(HttpStatusCode, string)>();
        async Task Refused(TestUser by, string command, object body)
        {
            var (status, problem) = await by.Http.PostJsonAsync(w.Run(command), body, _ct);
            refusals.Add(RunWorld.Refusal(status, problem));
        }

        await Refused(w.Facilitator, "/decisions", Decision("Too early"));
        await w.OkAsync(w.Facilitator, "/start", ct: _ct);
        await Refused(w.Viewer, "/decisions", Decision("Viewers read"));
        await Refused(w.Viewer, "/action-items", Action("Viewers read", null, null));
        await Refused(w.Facilitator, "/decisions", Decision(""));
        await Refused(w.Facilitator, "/action-items", Action("Theirs", other.Owner.Id, null));
        await Refused(w.Facilitator, "/action-items", Action("Far away", null, "2200-01-01"));
        await Refused(w.Facilitator, "/action-items", Action(new string('x', 301), null, null));
        var run = await w.GetAsync(w.Viewer, _ct);
        var (_, items) = await w.Viewer.Http.GetJsonAsync(w.P.Url("/action-items"), _ct);
        var (_, decisions) = await w.Viewer.Http.GetJsonAsync(w.P.Url("/decisions"), _ct);

        Assert.Equal([
            (HttpStatusCode.BadRequest, "runNotStarted"), (HttpStatusCode.Forbidden, "roleTooLow"),
            (HttpStatusCode.Forbidden, "roleTooLow"), (HttpStatusCode.BadRequest, "required"),
            (HttpStatusCode.BadRequest, "notAMember"), (HttpStatusCode.BadRequest, "dateOutOfRange"),
            (HttpStatusCode.BadRequest, "tooLong"),
        ], refusals);
        Assert.Equal(0, run.GetProperty("captures").GetArrayLength());
        Assert.Equal(0, items.GetArrayLength());
        Assert.Equal(0, decisions.GetArrayLength());
    }

    [Fact]
    public async Task AnActionItemRemembersOnlyAMeetingOfItsOwnPartnership()
    {
        var w = await RunWorld.CreateAsync(factory, _ct);
        var other = await TestPartnership.CreateAsync(factory, "Stranger", ct: _ct);
        var theirs = await MeetingTestKit.ScheduleAsync(other, other.Owner, MeetingTestKit.Meeting(other.Owner.Id),
            _ct);
        object Item(Guid? meetingId) => new { title = "Follow up", status = "Open", meetingId, version = 0 };

        var ours = await w.P.Owner.Http.PostJsonAsync(w.P.Url("/action-items"), Item(w.MeetingId), _ct);
        var foreign = await w.P.Owner.Http.PostJsonAsync(w.P.Url("/action-items"),
            Item(theirs.GetProperty("id").GetGuid()), _ct);
        var unknown = await w.P.Owner.Http.PostJsonAsync(w.P.Url("/action-items"), Item(Guid.NewGuid()), _ct);
        var (_, items) = await w.Viewer.Http.GetJsonAsync(w.P.Url("/action-items"), _ct);

        Assert.Equal(HttpStatusCode.OK, ours.Status);
        Assert.Equal(w.MeetingId, ours.Body.GetProperty("meetingId").GetGuid());
        Assert.Equal((HttpStatusCode.BadRequest, "unknownMeeting"), RunWorld.Refusal(foreign.Status, foreign.Body));
        Assert.Equal((HttpStatusCode.BadRequest, "unknownMeeting"), RunWorld.Refusal(unknown.Status, unknown.Body));
        Assert.Equal(1, items.GetArrayLength());
    }
}
