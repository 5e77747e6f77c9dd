using System.Net;
using System.Text.Json;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>Facilitator mode: who runs a meeting, how it steps through the agenda, its timer, attendance and end.
/// </summary>
public sealed class MeetingRunTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static Guid? Current(JsonElement run) =>
        run.GetProperty("currentItemId").ValueKind == JsonValueKind.Null ? null
            : run.GetProperty("currentItemId").GetGuid();

    private static JsonElement Item(JsonElement run, Guid id) =>
        run.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);

    private static string? Outcome(JsonElement run, Guid id) => Item(run, id).GetProperty("outcome").GetString();

    [Fact]
    public async Task TheFacilitatorStartsAndStepsAndEveryScreenFollowsWithTheServersTimer()
    {
        var w = await RunWorld.CreateAsync(factory, _ct);
        await using var partner = await LiveWatcher.StartAsync(factory, w.Partner, w.P.Id, "meeting.run", _ct);

        var before = await w.GetAsync(w.Viewer, _ct);
        var started = await w.OkAsync(w.Facilitator, "/start", ct: _ct);
        var seen = await partner.NextAsync(r => Current(r) == w.Items[0], _ct);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var overTime = await w.GetAsync(w.Viewer, _ct);
        var second = await w.OkAsync(w.Facilitator, "/next", ct: _ct);
        var seenNext = await partner.NextAsync(r => Current(r) == w.Items[1], _ct);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var back = await w.OkAsync(w.Facilitator, "/previous", ct: _ct);

        Assert.Equal("NotStarted", before.GetProperty("state").GetString());
        Assert.Null(Current(before));
        Assert.Equal("Running", started.GetProperty("state").GetString());
        Assert.Equal(w.Facilitator.Id, started.GetProperty("facilitatorUserId").GetString());
        Assert.Equal("Reached", Outcome(started, w.Items[0]));
        Assert.Null(Outcome(started, w.Items[1]));
        Assert.Equal(started.GetProperty("currentSince").GetDateTimeOffset(),
            seen.GetProperty("currentSince").GetDateTimeOffset());
        // The timer is the server's: elapsed = serverNow - currentSince, 11 minutes on a 10-minute item (over time).
        var elapsed = overTime.GetProperty("serverNow").GetDateTimeOffset()
            - overTime.GetProperty("currentSince").GetDateTimeOffset();
        Assert.InRange(elapsed.TotalMinutes, 11, 12);
        Assert.True(elapsed.TotalSeconds > Item(overTime, w.Items[0]).GetProperty("minutes").GetInt32() * 60);
        Assert.InRange(Item(second, w.Items[0]).GetProperty("secondsSpent").GetInt32(), 660, 720);
        Assert.Equal("Reached", Outcome(seenNext, w.Items[1]));
        Assert.Equal(w.Items[0], Current(back));
        Assert.InRange(Item(back, w.Items[1]).GetProperty("secondsSpent").GetInt32(), 120, 180);
        // Going back keeps what was reached and counts on from the time already spent.
        Assert.Equal("Reached", Outcome(back, w.Items[1]));
        Assert.Null(Outcome(back, w.Items[2]));
    }

    [Fact]
    public async Task OnlyOwnersAndTheCurrentFacilitatorRunTheMeetingAndRefusalsChangeNothing()
    {
        var w = await RunWorld.CreateAsync(factory, _ct);
        var refusals = new List<(HttpStatusCode, string)>();
        async Task Refused(TestUser by, string command, object? body = null)
        {
            var before = await w.GetAsync(w.Viewer, _ct);
            var (status, problem) = await by.Http.PostJsonAsync(w.Run(command),
                body ?? new { occurrence = (string?)null }, _ct);
            refusals.Add(RunWorld.Refusal(status, problem));
            var after = await w.GetAsync(w.Viewer, _ct);
            Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
            Assert.Equal(before.GetProperty("items").ToString(), after.GetProperty("items").ToString());
        }

        await Refused(w.Facilitator, "/next");
        await Refused(w.Partner, "/start");
        await Refused(w.Viewer, "/start");
        await w.OkAsync(w.Facilitator, "/start", ct: _ct);
        await Refused(w.Facilitator, "/start");
        await Refused(w.Facilitator, "/previous");
        await Refused(w.Facilitator, "/facilitator", new { occurrence = (string?)null, userId = w.Viewer.Id });
        await Refused(w.Facilitator, "/facilitator", new { occurrence = (string?)null, userId = "nobody" });
        var handed = await w.OkAsync(w.Facilitator, "/facilitator",
            new { occurrence = (string?)null, userId = w.Partner.Id }, _ct);
        await Refused(w.Facilitator, "/next");
        await w.OkAsync(w.Partner, "/next", ct: _ct);
        await w.OkAsync(w.P.Owner, "/next", ct: _ct);
        await Refused(w.Partner, "/next");

        Assert.Equal(w.Partner.Id, handed.GetProperty("facilitatorUserId").GetString());
        Assert.Equal([
            (HttpStatusCode.BadRequest, "runNotStarted"), (HttpStatusCode.Forbidden, "facilitatorOnly"),
            (HttpStatusCode.Forbidden, "facilitatorOnly"), (HttpStatusCode.BadRequest, "runAlreadyStarted"),
            (HttpStatusCode.BadRequest, "noPreviousItem"), (HttpStatusCode.BadRequest, "notAnAttendee"),
            (HttpStatusCode.BadRequest, "notAMember"), (HttpStatusCode.Forbidden, "facilitatorOnly"),
            (HttpStatusCode.BadRequest, "noNextItem"),
        ], refusals);
    }

    [Fact]
    public async Task AMeetingWithoutAgendaOrOfAnotherPartnershipOrACancelledOneIsNotRun()
    {
        var w = await RunWorld.CreateAsync(factory, _ct, items: 0);
        var other = await TestPartnership.CreateAsync(factory, "Other owner", ct: _ct);
        var series = await MeetingTestKit.ScheduleAsync(w.P, w.P.Owner, MeetingTestKit.Meeting(w.P.Owner.Id), _ct);
        var seriesRun = w.P.Url($"/meetings/{series.GetProperty("id").GetGuid()}/run");
        await w.P.Owner.Http.PostJsonAsync(w.P.Url($"/meetings/{series.GetProperty("id").GetGuid()}/occurrences/"
            + "20261027T100000/cancel"), new { }, _ct);

        var empty = await w.P.Owner.Http.PostJsonAsync(w.Run("/start"), new { occurrence = (string?)null }, _ct);
        var foreign = await other.Owner.Http.PostJsonAsync(
            other.Url($"/meetings/{w.MeetingId}/run/start"), new { occurrence = (string?)null }, _ct);
        var foreignRead = await other.Owner.Http.GetJsonAsync(other.Url($"/meetings/{w.MeetingId}/run"), _ct);
        var outsider = await other.Owner.Http.GetJsonAsync(w.Run(), _ct);
        var noOccurrence = await w.P.Owner.Http.PostJsonAsync($"{seriesRun}/start", new { occurrence = (string?)null },
            _ct);
        var notOne = await w.P.Owner.Http.PostJsonAsync($"{seriesRun}/start",
            new { occurrence = "2026-10-21T10:00:00" }, _ct);
        var cancelled = await w.P.Owner.Http.PostJsonAsync($"{seriesRun}/start",
            new { occurrence = "2026-10-27T10:00:00" }, _ct);
        var badKey = await w.P.Owner.Http.GetJsonAsync($"{seriesRun}?occurrence=tuesday", _ct);
        var otherWeek = await w.P.Owner.Http.GetJsonAsync($"{seriesRun}?occurrence=20261103T100000", _ct);

        Assert.Equal((HttpStatusCode.BadRequest, "agendaEmpty"), RunWorld.Refusal(empty.Status, empty.Body));
        Assert.Equal((HttpStatusCode.NotFound, "unknownMeeting"), RunWorld.Refusal(foreign.Status, foreign.Body));
        Assert.Equal(HttpStatusCode.NotFound, foreignRead.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal("unknownOccurrence", RunWorld.Refusal(noOccurrence.Status, noOccurrence.Body).Code);
        Assert.Equal("unknownOccurrence", RunWorld.Refusal(notOne.Status, notOne.Body).Code);
        Assert.Equal((HttpStatusCode.BadRequest, "meetingCancelled"), RunWorld.Refusal(cancelled.Status,
            cancelled.Body));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.Status);
        Assert.Equal(HttpStatusCode.OK, otherWeek.Status);
        Assert.Equal("NotStarted", otherWeek.Body.GetProperty("state").GetString());
    }

    [Fact]
    public async Task AttendanceIsOneClickPerPersonOfAnyParty()
    {
        var w = await RunWorld.CreateAsync(factory, _ct);
        var other = await TestPartnership.CreateAsync(factory, "Stranger", ct: _ct);
        object Mark(string userId, bool present) => new { occurrence = (string?)null, userId, present };

        await w.OkAsync(w.Facilitator, "/attendance", Mark(w.Partner.Id, true), _ct);
        await w.OkAsync(w.Facilitator, "/attendance", Mark(w.Viewer.Id, true), _ct);
        var marked = await w.OkAsync(w.Facilitator, "/attendance", Mark(w.Viewer.Id, false), _ct);
        var stranger = await w.Facilitator.Http.PostJsonAsync(w.Run("/attendance"), Mark(other.Owner.Id, true), _ct);
        var byViewer = await w.Viewer.Http.PostJsonAsync(w.Run("/attendance"), Mark(w.Viewer.Id, true), _ct);
        var after = await w.GetAsync(w.Viewer, _ct);

        bool? Present(JsonElement run, string userId) =>
            run.GetProperty("attendance").EnumerateArray().Single(a => a.GetProperty("userId").GetString() == userId)
                .GetProperty("present") is { ValueKind: not JsonValueKind.Null } p ? p.GetBoolean() : null;
        Assert.True(Present(marked, w.Partner.Id));
        Assert.False(Present(marked, w.Viewer.Id));
        Assert.Null(Present(marked, w.P.Owner.Id));
        Assert.True(marked.GetProperty("attendance").EnumerateArray()
            .First(a => a.GetProperty("userId").GetString() == w.Partner.Id).GetProperty("invited").GetBoolean());
        Assert.Equal((HttpStatusCode.BadRequest, "notAMember"), RunWorld.Refusal(stranger.Status, stranger.Body));
        Assert.Equal((HttpStatusCode.Forbidden, "facilitatorOnly"), RunWorld.Refusal(byViewer.Status, byViewer.Body));
        Assert.Equal(marked.GetProperty("attendance").ToString(), after.GetProperty("attendance").ToString());
        Assert.Equal(marked.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task EndingRecordsWhatBecomesOfEachUnreachedItemAndTheRunIsOver()
    {
        var w = await RunWorld.CreateAsync(factory, _ct, items: 4);
        await w.OkAsync(w.Facilitator, "/start", ct: _ct);
        await w.OkAsync(w.Facilitator, "/next", ct: _ct);
        object End(params (Guid Id, bool Carry)[] items) =>
            new { occurrence = (string?)null, items = items.Select(i => new { agendaItemId = i.Id, carry = i.Carry }) };

        var reached = await w.Facilitator.Http.PostJsonAsync(w.Run("/end"), End((w.Items[0], false)), _ct);
        var unknown = await w.Facilitator.Http.PostJsonAsync(w.Run("/end"), End((Guid.NewGuid(), false)), _ct);
        var byPartner = await w.Partner.Http.PostJsonAsync(w.Run("/end"), End(), _ct);
        var stillRunning = await w.GetAsync(w.Viewer, _ct);
        var ended = await w.OkAsync(w.Facilitator, "/end", End((w.Items[2], false)), _ct);
        var next = await w.Facilitator.Http.PostJsonAsync(w.Run("/next"), new { occurrence = (string?)null }, _ct);
        var again = await w.Facilitator.Http.PostJsonAsync(w.Run("/start"), new { occurrence = (string?)null }, _ct);

        Assert.Equal((HttpStatusCode.BadRequest, "agendaItemReached"), RunWorld.Refusal(reached.Status, reached.Body));
        Assert.Equal((HttpStatusCode.BadRequest, "unknownAgendaItem"), RunWorld.Refusal(unknown.Status, unknown.Body));
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.Status);
        Assert.Equal("Running", stillRunning.GetProperty("state").GetString());
        Assert.Null(Outcome(stillRunning, w.Items[2]));
        Assert.Equal("Ended", ended.GetProperty("state").GetString());
        Assert.Null(Current(ended));
        Assert.Equal(["Reached", "Reached", "Dropped", "Carry"], w.Items.Select(i => Outcome(ended, i)));
        Assert.Equal((HttpStatusCode.BadRequest, "runEnded"), RunWorld.Refusal(next.Status, next.Body));
        Assert.Equal((HttpStatusCode.BadRequest, "runEnded"), RunWorld.Refusal(again.Status, again.Body));
    }

    [Fact]
    public async Task OpenApiDescribesFacilitatorModeWithTheRunAsEveryAnswer()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", _ct);
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        const string Run = "/api/partnerships/{partnershipId}/meetings/{meetingId}/run";

        Assert.Contains("RunView", paths.GetProperty(Run).GetProperty("get").GetProperty("responses").ToString());
        foreach (var command in new[] { "start", "next", "previous", "attendance", "facilitator", "decisions",
            "action-items", "end" })
        {
            var post = paths.GetProperty($"{Run}/{command}").GetProperty("post");
            Assert.Contains("RunView", post.GetProperty("responses").GetProperty("200").ToString());
            Assert.True(post.TryGetProperty("summary", out _), command);
        }
    }
}
