using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Workspace.Server.Data;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Meetings.MeetingTestKit;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>A series' next agenda starts with its open items (and how often carried), the agenda items its last
/// meeting did not reach, and its KPIs; moves and cancellations count as they are when the agenda is read.</summary>
public sealed class CarryOverTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>A weekly series whose occurrences fall on today-13, today-6, today+1, today+8, … at 10:00 in
    /// Amsterdam (two held, the rest to come), and the route keys of those occurrences.</summary>
    private async Task<(TestPartnership P, Guid Series, string[] Keys)> SeriesAsync(string kpiIds = "")
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var days = new[] { -13, -6, 1, 8, 15, 22 };
        var start = $"{today.AddDays(-13):yyyy-MM-dd}T10:00:00";
        var id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, start), _ct)).GetProperty("id").GetGuid();
        return (p, id, days.Select(d => $"{today.AddDays(d):yyyyMMdd}T100000").ToArray());
    }

    private async Task AddItemAsync(Guid partnershipId, Guid? meetingId, int number, string title, TimeSpan age,
        ActionStatus status = ActionStatus.Open, bool deleted = false)
    {
        var now = factory.Clock.GetUtcNow();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync(_ct);
        db.Add(new ActionItem
        {
            Id = Guid.NewGuid(), PartnershipId = partnershipId, Number = number, Title = title, Status = status,
            MeetingId = meetingId, Version = 1, CreatedAt = now - age, UpdatedAt = now - age,
            DeletedAt = deleted ? now : null,
        });
        await db.SaveChangesAsync(_ct);
    }

    private async Task<JsonElement> CarryOverAsync(TestPartnership p, Guid series, string key)
    {
        var (status, body) = await p.Owner.Http.GetJsonAsync(p.Url($"/meetings/{series}/carry-over?occurrence={key}"),
            _ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static Dictionary<string, int> Counts(JsonElement carry) =>
        carry.GetProperty("actionItems").EnumerateArray()
            .ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("timesCarried").GetInt32());

    [Fact]
    public async Task OpenItemsOfTheSeriesAreCarriedWithHowManyMeetingsTheyHaveBeenCarried()
    {
        var (p, series, keys) = await SeriesAsync();
        await AddItemAsync(p.Id, series, 1, "Older", TimeSpan.FromDays(10));
        await AddItemAsync(p.Id, series, 2, "Newer", TimeSpan.FromMinutes(5));
        await AddItemAsync(p.Id, series, 3, "Finished", TimeSpan.FromDays(10), ActionStatus.Done);
        await AddItemAsync(p.Id, series, 4, "Deleted", TimeSpan.FromDays(10), deleted: true);
        await AddItemAsync(p.Id, null, 5, "Not of the series", TimeSpan.FromDays(10));

        var counts = new List<Dictionary<string, int>>();
        foreach (var key in keys[2..5])
        {
            counts.Add(Counts(await CarryOverAsync(p, series, key)));
        }
        var beforeItExisted = Counts(await CarryOverAsync(p, series, keys[0]));

        Assert.Equal(new Dictionary<string, int> { ["Older"] = 2, ["Newer"] = 1 }, counts[0]);
        Assert.Equal(new Dictionary<string, int> { ["Older"] = 3, ["Newer"] = 2 }, counts[1]);
        Assert.Equal(new Dictionary<string, int> { ["Older"] = 4, ["Newer"] = 3 }, counts[2]);
        Assert.Empty(beforeItExisted);
    }

    [Fact]
    public async Task ACancelledOccurrenceIsNotCountedAndAMovedOneCountsAtItsNewTime()
    {
        var (p, series, keys) = await SeriesAsync();
        await AddItemAsync(p.Id, series, 1, "Newer", TimeSpan.FromMinutes(5));
        var url = p.Url($"/meetings/{series}/occurrences");
        var (cancelled, _) = await p.Owner.Http.PostJsonAsync($"{url}/{keys[3]}/cancel", new { }, _ct);
        var afterCancel = Counts(await CarryOverAsync(p, series, keys[4]));
        // The meeting held six days ago is moved to later today: it now comes after the item was created.
        var later = factory.Clock.GetUtcNow().AddHours(3);
        var local = TimeZoneInfo.ConvertTime(later, TimeZoneInfo.FindSystemTimeZoneById(Amsterdam));
        var (moved, _) = await p.Owner.Http.PostJsonAsync($"{url}/{keys[1]}/move",
            new { start = local.ToString("yyyy-MM-dd'T'HH:00:00", CultureInfo.InvariantCulture) }, _ct);
        var afterMove = Counts(await CarryOverAsync(p, series, keys[2]));

        Assert.Equal(HttpStatusCode.OK, cancelled);
        Assert.Equal(HttpStatusCode.OK, moved);
        Assert.Equal(2, afterCancel["Newer"]);
        Assert.Equal(2, afterMove["Newer"]);
    }

    [Fact]
    public async Task AgendaItemsTheLastHeldMeetingDidNotReachOpenTheNextAgenda()
    {
        var (p, series, keys) = await SeriesAsync();
        var agenda = p.Url($"/meetings/{series}/agenda");
        var held = keys[1].Insert(4, "-").Insert(7, "-").Insert(13, ":").Insert(16, ":");
        var ids = new List<Guid>();
        foreach (var title in new[] { "Budget", "Pilot sites", "Open questions" })
        {
            var (_, item) = await p.Owner.Http.PostJsonAsync(agenda,
                new { occurrence = held, title, minutes = 10 }, _ct);
            ids.Add(item.GetProperty("id").GetGuid());
        }
        var notEnded = await CarryOverAsync(p, series, keys[2]);
        await EndAsync(p.Id, (ids[0], true), (ids[1], false), (ids[2], false));
        var next = await CarryOverAsync(p, series, keys[2]);
        var (_, _) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{series}/occurrences/{keys[1]}/cancel"),
            new { }, _ct);
        var afterCancel = await CarryOverAsync(p, series, keys[2]);

        Assert.Empty(notEnded.GetProperty("unreached").EnumerateArray());
        Assert.Equal(["Pilot sites", "Open questions"], next.GetProperty("unreached").EnumerateArray()
            .Select(u => u.GetProperty("item").GetProperty("title").GetString()));
        Assert.Equal(held, next.GetProperty("previousOccurrence").GetString());
        Assert.Empty(afterCancel.GetProperty("unreached").EnumerateArray());
    }

    /// <summary>Ends a meeting as the facilitator mode does: each agenda item reached or carried.</summary>
    private async Task EndAsync(Guid partnershipId, params (Guid Id, bool Reached)[] items)
    {
        var stored = new List<AgendaItem>();
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync(_ct))
        {
            foreach (var (id, reached) in items)
            {
                stored.Add(await db.Set<AgendaItem>().SingleAsync(a => a.Id == id, _ct));
                stored[^1].Outcome = reached ? AgendaOutcome.Reached : AgendaOutcome.Carry;
            }
            await db.SaveChangesAsync(_ct);
        }
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IMeetingsGrain>(partnershipId);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        // The old activation answers until it is idle, without the outcomes (a fixed pause was not always enough on a
        // loaded machine): asked until the fresh activation, read from the store, has them.
        var outcomes = items.ToDictionary(i => i.Id, i => (bool?)i.Reached);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!(await grain.GetAgendaAsync(stored[0].MeetingId, stored[0].Occurrence)).Value!
            .Where(a => outcomes.ContainsKey(a.Id)).All(a => a.Reached == outcomes[a.Id]))
        {
            await Task.Delay(25, patience.Token);
        }
    }

    [Fact]
    public async Task TheSeriesKpisOpenTheAgendaWithTheirTargetAndLatestValue()
    {
        var (p, series, keys) = await SeriesAsync();
        var other = await TestPartnership.CreateAsync(factory, "Other owner", ct: _ct);
        var kpi = await KpiAsync(p, "Tonnes recycled", 100, 40);
        var theirs = await KpiAsync(other, "Their KPI", 10, 1);
        var (_, meeting) = await p.Owner.Http.GetJsonAsync(p.Url($"/meetings/{series}"), _ct);
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(meeting.GetRawText())!;
        body["kpiIds"] = new[] { kpi };
        var (linked, saved) = await p.Owner.Http.PutJsonAsync(p.Url($"/meetings/{series}"), body, _ct);
        body["kpiIds"] = new[] { theirs };
        body["version"] = saved.GetProperty("version").GetInt32();
        var (refused, problem) = await p.Owner.Http.PutJsonAsync(p.Url($"/meetings/{series}"), body, _ct);
        var carry = await CarryOverAsync(p, series, keys[2]);

        Assert.Equal(HttpStatusCode.OK, linked);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("unknownLink", Code(problem, "kpiIds"));
        var shown = Assert.Single(carry.GetProperty("kpis").EnumerateArray());
        Assert.Equal("Tonnes recycled", shown.GetProperty("name").GetString());
        Assert.Equal(100, shown.GetProperty("target").GetDouble());
        Assert.Equal(40, shown.GetProperty("latest").GetDouble());
    }

    private async Task<Guid> KpiAsync(TestPartnership p, string name, double target, double value)
    {
        var (_, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), new
        {
            name, unit = "t", direction = "HigherIsBetter", baseline = 0, target, ownerPartyId = p.OwnerPartyId,
            version = 0,
        }, _ct);
        var id = kpi.GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd",
            CultureInfo.InvariantCulture);
        await p.Owner.Http.PostJsonAsync(p.Url($"/kpis/{id}/measurements"), new { date = today, value, note = "" },
            _ct);
        return id;
    }

    [Fact]
    public async Task CarryOverIsReadByEveryMemberAndRefusesWhatIsNotOfTheSeries()
    {
        var (p, series, keys) = await SeriesAsync();
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Vic Viewer", ct: _ct);
        var stranger = await TestPartnership.CreateAsync(factory, "Stranger", ct: _ct);

        var (read, _) = await viewer.Http.GetJsonAsync(p.Url($"/meetings/{series}/carry-over?occurrence={keys[2]}"),
            _ct);
        var (notOurs, _) = await stranger.Owner.Http.GetJsonAsync(
            p.Url($"/meetings/{series}/carry-over?occurrence={keys[2]}"), _ct);
        var (wrongDay, problem) = await viewer.Http.GetJsonAsync(
            p.Url($"/meetings/{series}/carry-over?occurrence=20261027T110000"), _ct);
        var (unknown, missing) = await viewer.Http.GetJsonAsync(
            p.Url($"/meetings/{Guid.NewGuid()}/carry-over?occurrence={keys[2]}"), _ct);

        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal(HttpStatusCode.NotFound, notOurs);
        Assert.Equal(HttpStatusCode.BadRequest, wrongDay);
        Assert.Equal("unknownOccurrence", Code(problem, "occurrence"));
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("unknownMeeting", missing.GetProperty("code").GetString());
    }
}
