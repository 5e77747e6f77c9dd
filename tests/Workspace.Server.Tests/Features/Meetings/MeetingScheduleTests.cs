using System.Net;
using Ical.Net;
using Ical.Net.DataTypes;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Meetings.MeetingTestKit;

namespace Workspace.Server.Tests.Features.Meetings;

public sealed class MeetingScheduleTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task WeeklySeriesKeepsItsLocalTimeAcrossTheDaylightSavingChange()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var meeting = await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id), _ct);

        var (_, list) = await p.Owner.Http.GetJsonAsync(
            p.Url("/meetings?from=2026-10-19T00:00:00Z&to=2026-11-05T00:00:00Z"), _ct);

        Assert.Equal("FREQ=WEEKLY", meeting.GetProperty("rRule").GetString());
        var starts = list.EnumerateArray().Select(o => o.GetProperty("startUtc").GetDateTimeOffset()).ToList();
        // Amsterdam leaves summer time on 25 October: 10:00 is 08:00 UTC before and 09:00 UTC after.
        Assert.Equal([Utc(2026, 10, 20, 8), Utc(2026, 10, 27, 9), Utc(2026, 11, 3, 9)], starts);
        Assert.All(list.EnumerateArray(), o => Assert.Equal(10, o.GetProperty("startLocal").GetDateTime().Hour));
        Assert.Equal("2026-10-27T10:00:00", list[1].GetProperty("occurrence").GetString());
    }

    [Fact]
    public async Task MonthlyQuarterlyAndEveryTwoWeeksExpandAsTheirRules()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, "2027-01-15T09:00:00", "Quarterly", "Asia/Jakarta",
            title: "Q"), _ct);
        await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, "2027-01-04T09:00:00", "EveryTwoWeeks", title: "B"), _ct);
        await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, "2027-01-31T09:00:00", "None", title: "Once"), _ct);

        var (_, list) = await p.Owner.Http.GetJsonAsync(p.Url(
            "/meetings?from=2027-01-01T00:00:00Z&to=2027-08-01T00:00:00Z"), _ct);

        var quarterly = Dates(list, "Q");
        Assert.Equal(["2027-01-15", "2027-04-15", "2027-07-15"], quarterly);
        Assert.Equal(["2027-01-04", "2027-01-18", "2027-02-01"], Dates(list, "B").Take(3));
        Assert.Equal(["2027-01-31"], Dates(list, "Once"));
        Assert.Equal(JsonValueKindNull, list.EnumerateArray().First(o => o.GetProperty("title").GetString() == "Once")
            .GetProperty("occurrence").ValueKind);
    }

    [Fact]
    public async Task SeriesIcsParsesBackAndMovingOrCancellingRaisesSequenceAndStatus()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var meeting = await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id), _ct);
        var id = meeting.GetProperty("id").GetGuid();

        var first = Calendar.Load(await p.Owner.Http.GetStringAsync(p.Url($"/meetings/{id}/ics"), _ct))!;
        var series = Assert.Single(first.Events);
        Assert.Equal(0, series.Sequence);
        Assert.Equal(FrequencyType.Weekly, series.RecurrenceRule!.Frequency);
        var after = series.GetOccurrences(new CalDateTime(2026, 10, 26, 0, 0, 0, "UTC"), null).First();
        Assert.Equal(new DateTime(2026, 10, 27, 9, 0, 0, DateTimeKind.Utc), after.Period.StartTime.AsUtc);

        var (moved, _) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/occurrences/20261027T100000/move"),
            new { start = "2026-10-28T14:00:00" }, _ct);
        var (cancelled,
            _) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/occurrences/20261103T100000/cancel"),
            new { }, _ct);
        Assert.Equal(HttpStatusCode.OK, moved);
        Assert.Equal(HttpStatusCode.OK, cancelled);

        var second = Calendar.Load(await p.Owner.Http.GetStringAsync(p.Url($"/meetings/{id}/ics"), _ct))!;
        var overrides = second.Events.Where(e => e.RecurrenceIdentifier is not null)
            .OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(2, overrides.Count);
        Assert.Equal(new DateTime(2026, 10, 28, 13, 0, 0, DateTimeKind.Utc), overrides[0].DtStart!.AsUtc);
        Assert.Equal(EventStatus.Confirmed, overrides[0].Status);
        Assert.Equal(EventStatus.Cancelled, overrides[1].Status);
        Assert.All(overrides, o => Assert.True(o.Sequence > 0));
        Assert.All(second.Events, e => Assert.Equal(series.Uid, e.Uid));

        var (whole, body) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/cancel"), new { }, _ct);
        Assert.Equal(HttpStatusCode.OK, whole);
        var third = Calendar.Load(await p.Owner.Http.GetStringAsync(p.Url($"/meetings/{id}/ics"), _ct))!;
        var master = third.Events.Single(e => e.RecurrenceIdentifier is null);
        Assert.Equal(EventStatus.Cancelled, master.Status);
        Assert.Equal(body.GetProperty("sequence").GetInt32(), master.Sequence);
        Assert.True(master.Sequence > series.Sequence);
    }

    [Fact]
    public async Task MovedAndCancelledOccurrencesShowInTheListAndUnknownOccurrencesAre404()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id), _ct)).GetProperty("id").GetGuid();

        await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/occurrences/20261027T100000/move"),
            new { start = "2026-10-28T14:00:00" }, _ct);
        var (notOne,
            problem) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/occurrences/20261028T100000/cancel"),
            new { }, _ct);
        var (_, list) = await p.Owner.Http.GetJsonAsync(p.Url(
            "/meetings?from=2026-10-26T00:00:00Z&to=2026-10-30T00:00:00Z"), _ct);

        Assert.Equal(HttpStatusCode.NotFound, notOne);
        Assert.Equal("unknownOccurrence", problem.GetProperty("code").GetString());
        var only = Assert.Single(list.EnumerateArray());
        Assert.True(only.GetProperty("moved").GetBoolean());
        Assert.Equal(Utc(2026, 10, 28, 13), only.GetProperty("startUtc").GetDateTimeOffset());
    }

    [Fact]
    public async Task BadScheduleInputIsRefusedWithCodesAndNothingIsSaved()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var outsider = await factory.SignUpAsync("Outsider", ct: _ct);

        var cases = new (object Input, string Field, string Code)[]
        {
            (Meeting(p.Owner.Id, zone: "Mars/Olympus"), "timeZone", "unknownTimeZone"),
            // 02:30 does not exist in Amsterdam on 29 March 2026: the clocks jump from 02:00 to 03:00.
            (Meeting(p.Owner.Id, start: "2026-03-29T02:30:00", recurrence: "None"), "start", "timeSkipped"),
            (Meeting(p.Owner.Id, duration: 0), "durationMinutes", "outOfRange"),
            (Meeting(p.Owner.Id, title: " "), "title", "required"),
            (Meeting(outsider.Id), "facilitatorUserId", "notAMember"),
            (Meeting(p.Owner.Id, attendees: [outsider.Id]), "attendeeUserIds", "notAMember"),
        };
        foreach (var (input, field, code) in cases)
        {
            var (status, problem) = await p.Owner.Http.PostJsonAsync(p.Url("/meetings"), input, _ct);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(code, Code(problem, field));
        }
        var (_, list) = await p.Owner.Http.GetJsonAsync(p.Url(
            "/meetings?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z"), _ct);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task ViewersReadEditorsScheduleAndOnlyOwnersOrTheFacilitatorManage()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Vera Viewer", ct: _ct);
        var editor = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Eddie Editor", ct: _ct);
        var facilitator = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Fay Facilitator", ct: _ct);

        var (viewerSchedules, _) = await viewer.Http.PostJsonAsync(p.Url("/meetings"), Meeting(viewer.Id), _ct);
        var meeting = await ScheduleAsync(p, editor, Meeting(facilitator.Id, attendees: [viewer.Id]), _ct);
        var id = meeting.GetProperty("id").GetGuid();
        var move = p.Url($"/meetings/{id}/occurrences/20261027T100000/move");
        var (editorMoves, refusal) = await editor.Http.PostJsonAsync(move, new { start = "2026-10-27T11:00:00" }, _ct);
        var (facilitatorMoves, _) = await facilitator.Http.PostJsonAsync(move, new { start = "2026-10-27T11:00:00" },
            _ct);
        var (ownerChanges, changed) = await p.Owner.Http.PutJsonAsync(p.Url($"/meetings/{id}"),
            Meeting(facilitator.Id, title: "Renamed", version: 1), _ct);
        var (viewerReads, read) = await viewer.Http.GetJsonAsync(p.Url($"/meetings/{id}"), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, viewerSchedules);
        Assert.Equal(HttpStatusCode.Forbidden, editorMoves);
        Assert.Equal("facilitatorOnly", refusal.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, facilitatorMoves);
        Assert.Equal(HttpStatusCode.OK, ownerChanges);
        Assert.Equal(HttpStatusCode.OK, viewerReads);
        Assert.Equal("Renamed", read.GetProperty("title").GetString());
        Assert.Contains(facilitator.Id,
            changed.GetProperty("attendeeUserIds").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task AMeetingOfAnotherPartnershipIsNotFound()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var other = await TestPartnership.CreateAsync(factory, "Other owner", ct: _ct);
        var id = (await ScheduleAsync(other, other.Owner, Meeting(other.Owner.Id), _ct)).GetProperty("id").GetGuid();

        var (read, _) = await p.Owner.Http.GetJsonAsync(p.Url($"/meetings/{id}"), _ct);
        var (cancel, _) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/cancel"), new { }, _ct);
        var (agenda, _) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/agenda"),
            new { occurrence = "2026-10-20T10:00:00", title = "Sneak in", minutes = 5 }, _ct);
        var (ics, _) = await p.Owner.Http.GetJsonAsync(p.Url($"/meetings/{id}/ics"), _ct);

        Assert.Equal(HttpStatusCode.NotFound, read);
        Assert.Equal(HttpStatusCode.NotFound, cancel);
        Assert.Equal(HttpStatusCode.NotFound, agenda);
        Assert.Equal(HttpStatusCode.NotFound, ics);
        var (_, agendaThere) = await other.Owner.Http.GetJsonAsync(
            other.Url($"/meetings/{id}/agenda?occurrence=20261020T100000"), _ct);
        Assert.Equal(0, agendaThere.GetArrayLength());
    }

    [Fact]
    public async Task OpenApiDescribesTheMeetingEndpoints()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", _ct);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/partnerships/{partnershipId}/meetings", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/meetings/{meetingId}/occurrences/{occurrence}/move", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/meetings/{meetingId}/agenda/order", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/decisions/{decisionId}/revisions", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/meetings/{meetingId}/ics", paths);
        Assert.Contains("/api/calendar-feeds/{token}", paths);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static DateTimeOffset Utc(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TimeSpan.Zero);

    private static List<string> Dates(System.Text.Json.JsonElement list, string title) => list.EnumerateArray()
        .Where(o => o.GetProperty("title").GetString() == title)
        .Select(o => o.GetProperty("startLocal").GetString()![..10]).ToList();
}
