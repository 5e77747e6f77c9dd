using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Meetings.MeetingTestKit;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>The agenda order's version, the decision log's search and filters, and the dashboard's meeting
/// tiles.</summary>
public sealed class MeetingPlanTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const string Occurrence = "2026-10-27T10:00:00";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReorderMadeOnAnOrderSomeoneChangedSinceIsA409WithTheCurrentOrder()
    {
        var (p, commenter, viewer, _, url) = await AgendaWorldAsync(factory, _ct);
        var ids = new List<Guid>();
        foreach (var title in new[] { "A", "B", "C" })
        {
            var (_, item) = await commenter.Http.PostJsonAsync(url, new { occurrence = Occurrence, title, minutes = 5 },
                _ct);
            ids.Add(item.GetProperty("id").GetGuid());
        }
        var (_, before) = await viewer.Http.GetJsonAsync($"{url}/order?occurrence=20261027T100000", _ct);
        var version = before.GetProperty("version").GetInt32();
        var (first, moved) = await commenter.Http.PostJsonAsync($"{url}/order",
            new { occurrence = Occurrence, itemIds = new[] { ids[1], ids[0], ids[2] }, version }, _ct);
        var (stale, conflict) = await p.Owner.Http.PostJsonAsync($"{url}/order",
            new { occurrence = Occurrence, itemIds = new[] { ids[2], ids[1], ids[0] }, version }, _ct);
        var (byViewer, _) = await viewer.Http.PostJsonAsync($"{url}/order",
            new { occurrence = Occurrence, itemIds = ids, version = version + 1 }, _ct);
        await commenter.Http.PostJsonAsync(url, new { occurrence = Occurrence, title = "D", minutes = 5 }, _ct);
        var (_, after) = await viewer.Http.GetJsonAsync($"{url}/order?occurrence=20261027T100000", _ct);

        Assert.Equal(3, version);
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(4, moved.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal("editConflict", conflict.GetProperty("code").GetString());
        Assert.Equal("Cora Commenter", conflict.GetProperty("changedBy").GetString());
        Assert.Equal(["B", "A", "C"], conflict.GetProperty("current").GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, byViewer);
        Assert.Equal(5, after.GetProperty("version").GetInt32());
        Assert.Equal(["B", "A", "C", "D"], after.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task TheDecisionLogIsSearchedAndFilteredAndEachDecisionHasAPermalink()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var partner = await p.Owner.AddPartyAsync(p.Id, "Org B", _ct);
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Vic Viewer", ct: _ct);
        var (goal, kpi) = await GoalAndKpiAsync(p);
        var kickoff = await SingleAsync(p, "Kick-off", "2026-10-20T10:00:00");
        var review = await SingleAsync(p, "Quarterly review", "2026-11-20T10:00:00");
        var budget = await DecideAsync(p, kickoff, new { text = "Budget is 40k", why = "Pilot only",
            partyIds = new[] { p.OwnerPartyId, partner.Id }, links = new[] { new { kind = "Goal", id = goal } } });
        await p.Owner.Http.PostJsonAsync(p.Url($"/decisions/{budget}/revisions"), new { text = "Budget is 45k",
            why = "Pilot only", partyIds = new[] { p.OwnerPartyId, partner.Id },
            links = new[] { new { kind = "Goal", id = goal } }, reason = "Added translation costs", revision = 1 },
            _ct);
        var sites = await DecideAsync(p, kickoff, new { text = "Two pilot sites", partyIds = new[] { p.OwnerPartyId },
            links = new[] { new { kind = "Kpi", id = kpi } } });
        factory.Clock.Advance(TimeSpan.FromDays(5));
        var three = await DecideAsync(p, review, new { text = "Three pilot sites", partyIds = new[] { partner.Id },
            supersedesId = sites });
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd",
            CultureInfo.InvariantCulture);

        async Task<string[]> Log(string query)
        {
            var (status, body) = await viewer.Http.GetJsonAsync(p.Url($"/decision-log?{query}"), _ct);
            Assert.True(status == HttpStatusCode.OK, body.ToString());
            return body.EnumerateArray().Select(d => d.GetProperty("text").GetString()!).ToArray();
        }

        Assert.Equal(["Three pilot sites", "Two pilot sites", "Budget is 45k"], await Log(""));
        Assert.Equal(["Budget is 45k"], await Log("q=translation"));
        Assert.Equal(["Budget is 45k"], await Log("q=40K"));
        Assert.Equal(["Three pilot sites"], await Log("q=quarterly"));
        Assert.Equal(["Three pilot sites"], await Log($"meetingId={review}"));
        Assert.Equal(["Three pilot sites", "Budget is 45k"], await Log($"partyId={partner.Id}"));
        Assert.Equal(["Two pilot sites"], await Log("status=Superseded"));
        Assert.Equal(["Three pilot sites", "Budget is 45k"], await Log("status=Current"));
        Assert.Equal(["Budget is 45k"], await Log($"goalId={goal}"));
        Assert.Equal(["Two pilot sites"], await Log($"kpiId={kpi}"));
        Assert.Equal(["Three pilot sites"], await Log($"from={today}&to={today}"));
        Assert.Equal(["Two pilot sites"], await Log($"q=pilot&status=Superseded&meetingId={kickoff}"));

        var (permalink, decision) = await viewer.Http.GetJsonAsync(p.Url($"/decisions/{sites}"), _ct);
        Assert.Equal(HttpStatusCode.OK, permalink);
        Assert.Equal(three, decision.GetProperty("supersededById").GetGuid());
        var (_, revised) = await viewer.Http.GetJsonAsync(p.Url($"/decisions/{budget}"), _ct);
        Assert.Equal(["Budget is 40k", "Budget is 45k"], revised.GetProperty("revisions").EnumerateArray()
            .Select(r => r.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task TheDecisionLogRefusesFiltersThatAreNotOfThePartnership()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var other = await TestPartnership.CreateAsync(factory, "Other owner", ct: _ct);
        var (theirGoal, theirKpi) = await GoalAndKpiAsync(other);
        var theirMeeting = await SingleAsync(other, "Theirs", "2026-10-20T10:00:00");
        var theirDecision = await DecideAsync(other, theirMeeting, new { text = "Theirs" });

        var refusals = new (string Query, string Field, string Code)[]
        {
            ($"meetingId={theirMeeting}", "meetingId", "unknownMeeting"),
            ($"partyId={other.OwnerPartyId}", "partyId", "unknownParty"),
            ($"goalId={theirGoal}", "goalId", "unknownLink"),
            ($"kpiId={theirKpi}", "kpiId", "unknownLink"),
            ("from=2026-11-02&to=2026-11-01", "to", "outOfRange"),
            ("from=1999-12-31", "from", "dateOutOfRange"),
            ($"q={new string('x', 201)}", "q", "tooLong"),
        };
        foreach (var (query, field, code) in refusals)
        {
            var (status, problem) = await p.Owner.Http.GetJsonAsync(p.Url($"/decision-log?{query}"), _ct);
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {status}");
            Assert.Equal(code, Code(problem, field));
        }
        var (badStatus, _) = await p.Owner.Http.GetJsonAsync(p.Url("/decision-log?status=Maybe"), _ct);
        var (notOurs, missing) = await p.Owner.Http.GetJsonAsync(p.Url($"/decisions/{theirDecision}"), _ct);
        var (stranger, _) = await other.Owner.Http.GetJsonAsync(p.Url("/decision-log"), _ct);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(HttpStatusCode.NotFound, notOurs);
        Assert.Equal("unknownDecision", missing.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, stranger);
    }

    [Fact]
    public async Task TheDashboardTilesShowTheNextMeetingTheLastOnesDecisionsAndItemsCarriedMoreThanTwice()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Vic Viewer", ct: _ct);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var series = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, $"{today.AddDays(-20):yyyy-MM-dd}T10:00:00",
            zone: "America/New_York"), _ct)).GetProperty("id").GetGuid();
        var last = $"{today.AddDays(-6):yyyy-MM-dd}T10:00:00";
        var (_, decided) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{series}/decisions"),
            new { occurrence = last, text = "Go ahead with the pilot" }, _ct);
        await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{series}/decisions"),
            new { occurrence = $"{today.AddDays(-13):yyyy-MM-dd}T10:00:00", text = "An older decision" }, _ct);
        await AddItemAsync(p.Id, series, 1, "Stuck for weeks", TimeSpan.FromDays(21));
        await AddItemAsync(p.Id, series, 2, "Fresh", TimeSpan.FromDays(10));
        await AddItemAsync(p.Id, series, 3, "Done long ago", TimeSpan.FromDays(21), ActionStatus.Done);

        var (status, tiles) = await viewer.Http.GetJsonAsync(p.Url("/meeting-tiles"), _ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{today.AddDays(1):yyyy-MM-dd}T10:00:00", tiles.GetProperty("next").GetProperty("startLocal")
            .GetString());
        Assert.Equal("America/New_York", tiles.GetProperty("next").GetProperty("timeZone").GetString());
        Assert.Equal(last, tiles.GetProperty("last").GetProperty("occurrence").GetString());
        Assert.Equal(decided.GetProperty("id").GetGuid(),
            Assert.Single(tiles.GetProperty("lastDecisions").EnumerateArray()).GetProperty("id").GetGuid());
        var stuck = Assert.Single(tiles.GetProperty("carriedOver").EnumerateArray());
        Assert.Equal("Stuck for weeks", stuck.GetProperty("item").GetProperty("title").GetString());
        Assert.Equal(3, stuck.GetProperty("item").GetProperty("timesCarried").GetInt32());
        Assert.Equal("Weekly partner sync", stuck.GetProperty("meetingTitle").GetString());
    }

    [Fact]
    public async Task OpenApiDescribesThePlanningEndpoints()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", _ct);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/partnerships/{partnershipId}/meetings/{meetingId}/carry-over", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/decision-log", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/decisions/{decisionId}", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/meeting-tiles", paths);
        var order = doc.RootElement.GetProperty("paths")
            .GetProperty("/api/partnerships/{partnershipId}/meetings/{meetingId}/agenda/order");
        Assert.True(order.TryGetProperty("get", out _) && order.TryGetProperty("post", out _));
    }

    private async Task AddItemAsync(Guid partnershipId, Guid meetingId, int number, string title, TimeSpan age,
        ActionStatus status = ActionStatus.Open)
    {
        var now = factory.Clock.GetUtcNow();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync(_ct);
        db.Add(new ActionItem
        {
            Id = Guid.NewGuid(), PartnershipId = partnershipId, Number = number, Title = title, Status = status,
            MeetingId = meetingId, Version = 1, CreatedAt = now - age, UpdatedAt = now - age,
        });
        await db.SaveChangesAsync(_ct);
    }

    private async Task<(Guid Goal, Guid Kpi)> GoalAndKpiAsync(TestPartnership p)
    {
        var (_, goal) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), new { title = "Recycle more",
            description = "", successCriteria = "", ownerPartyId = p.OwnerPartyId, status = "OnTrack", version = 0 },
            _ct);
        var (_, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), new { name = "Tonnes", unit = "t",
            direction = "HigherIsBetter", baseline = 0, target = 100, ownerPartyId = p.OwnerPartyId, version = 0 },
            _ct);
        return (goal.GetProperty("id").GetGuid(), kpi.GetProperty("id").GetGuid());
    }

    private async Task<Guid> SingleAsync(TestPartnership p, string title, string start) =>
        (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, start, "None", title: title), _ct))
            .GetProperty("id").GetGuid();

    private async Task<Guid> DecideAsync(TestPartnership p, Guid meeting, object decision)
    {
        var (status, body) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{meeting}/decisions"), decision, _ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("id").GetGuid();
    }
}
