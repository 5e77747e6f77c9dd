using System.Net;
using System.Text.Json;
using Workspace.Server.Features.Goals;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Goals;

public sealed class GoalsTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Goal(
        Guid party,
        string title = "Joint rice supply of 500 t",
        int version = 0,
        string status = "OnTrack") =>
        new {
            title,
            description = "Both sides deliver",
            successCriteria = "500 t delivered\nNo late shipment",
            ownerPartyId = party,
            targetDate = "2027-06-30",
            status,
            version
        };

    [Fact]
    public async Task GoalIsCreatedUpdatedAndListedWithItsVersion()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (created, goal) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal(p.OwnerPartyId), _ct);
        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal(1, goal.GetProperty("version").GetInt32());

        var id = goal.GetProperty("id").GetGuid();
        var (updated, after) = await p.Owner.Http.PutJsonAsync(
            p.Url($"/goals/{id}"),
            Goal(p.OwnerPartyId, "Renamed goal", version: 1, status: "AtRisk"),
            _ct);
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal("AtRisk", after.GetProperty("status").GetString());

        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        var only = Assert.Single(board.GetProperty("goals").EnumerateArray());
        Assert.Equal("Renamed goal", only.GetProperty("title").GetString());
    }

    [Fact]
    public async Task StaleGoalUpdateGets409WithTheCurrentStateAndChangesNothing()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, goal) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal(p.OwnerPartyId, "First"), _ct);
        var id = goal.GetProperty("id").GetGuid();
        await p.Owner.Http.PutJsonAsync(p.Url($"/goals/{id}"), Goal(p.OwnerPartyId, "Second", version: 1), _ct);

        var (status, conflict) = await p.Owner.Http.PutJsonAsync(
            p.Url($"/goals/{id}"),
            Goal(p.OwnerPartyId, "Stale write", version: 1),
            _ct);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Second", conflict.GetProperty("current").GetProperty("title").GetString());
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Equal("Second", board.GetProperty("goals")[0].GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("", "title")]
    [InlineData("   ", "title")]
    public async Task InvalidGoalIsRejectedWithAClearErrorAndNothingIsSaved(string title, string field)
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (status, problem) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal(p.OwnerPartyId, title), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(
            problem.GetProperty("errors").TryGetProperty(field, out _)
                || problem.GetProperty("errors").TryGetProperty("Title", out _),
            problem.ToString());
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Empty(board.GetProperty("goals").EnumerateArray());
    }

    [Fact]
    public async Task GoalOwnedByAnUnknownPartyIsRejected()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (status, problem) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal(Guid.NewGuid()), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(
            "organisations",
            problem.GetProperty("errors").GetProperty("ownerPartyId")[0].GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiMeasurementsGiveLatestValueAttainmentAndStatusAgainstThePlannedPath()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, goal) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal(p.OwnerPartyId), _ct);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        // Half-way along a plan from 0 to 500 t: 250 t are expected by now.
        var kpiInput = new
        {
            name = "Tonnes delivered", unit = "t", direction = "HigherIsBetter", baseline = 0, target = 500,
            ownerPartyId = p.OwnerPartyId,
            goalId = goal.GetProperty("id").GetGuid(), version = 0, startDate = today.AddDays(-150),
            targetDate = today.AddDays(150),
        };
        var (created, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), kpiInput, _ct);
        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal("None", kpi.GetProperty("status").GetString());
        Assert.Equal(250, kpi.GetProperty("expected").GetDouble(), 6);
        Assert.Equal(2, kpi.GetProperty("plan").GetArrayLength());
        var kpiId = kpi.GetProperty("id").GetGuid();
        string Day(int d) => today.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (_, red) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{kpiId}/measurements"),
            new { date = Day(-60), value = 100, note = "first shipment" },
            _ct);
        Assert.Equal("Red", red.GetProperty("status").GetString());
        var (_, amber) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{kpiId}/measurements"),
            new { date = Day(-30), value = 210 },
            _ct);
        Assert.Equal("Amber", amber.GetProperty("status").GetString());
        Assert.Equal(210, amber.GetProperty("latest").GetDouble());
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Equal("Amber", board.GetProperty("goals")[0].GetProperty("kpiStatus").GetString());

        // An older value entered later does not become the latest.
        var (_, stillAmber) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{kpiId}/measurements"),
            new { date = Day(-90), value = 10 },
            _ct);
        Assert.Equal(210, stillAmber.GetProperty("latest").GetDouble());
        Assert.Equal(3, stillAmber.GetProperty("measurements").GetArrayLength());

        var (_, onTrack) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{kpiId}/measurements"),
            new { date = Day(0), value = 260 },
            _ct);
        Assert.Equal("Green", onTrack.GetProperty("status").GetString());
        var (_, met) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{kpiId}/measurements"),
            new { date = Day(0), value = 510 },
            _ct);
        Assert.Equal("Green", met.GetProperty("status").GetString());

        (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Equal(1.0, board.GetProperty("goals")[0].GetProperty("progress").GetDouble(), 3);
        Assert.Equal("Green", board.GetProperty("goals")[0].GetProperty("kpiStatus").GetString());
    }

    [Fact]
    public async Task MeasurementInTheFutureIsRejected()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, kpi) = await p.Owner.Http.PostJsonAsync(
            p.Url("/kpis"),
            new {
                name = "Cost",
                unit = "IDR",
                direction = "LowerIsBetter",
                target = 10,
                ownerPartyId = p.OwnerPartyId,
                version = 0
            },
            _ct);

        var (status, problem) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{kpi.GetProperty("id").GetGuid()}/measurements"),
            new { date = "2099-01-01", value = 5 },
            _ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _));
    }

    [Fact]
    public async Task NonMemberCannotReadOrChangeGoals()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var stranger = await factory.SignUpAsync("Stranger", ct: _ct);

        var (read, _) = await stranger.Http.GetJsonAsync(p.Url("/goals"), _ct);
        var (write, _) = await stranger.Http.PostJsonAsync(p.Url("/goals"), Goal(p.OwnerPartyId), _ct);

        Assert.Equal(HttpStatusCode.NotFound, read);
        Assert.Equal(HttpStatusCode.NotFound, write);
    }

    [Fact]
    public void AttainmentFromBaselineWorksForLowerIsBetter()
    {
        Assert.Equal(0.5, KpiStatus.Attainment(KpiDirection.LowerIsBetter, 30, 10, 20)!.Value, 6);
        Assert.Null(KpiStatus.Attainment(KpiDirection.HigherIsBetter, null, 0, 5));
    }
}

public sealed class GoalsAndItemsCommandTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task KpiUpdateDeleteAndMeasurementDeletionFollowVersions()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        object Kpi(string name, int version) =>
            new {
                name,
                unit = "t",
                direction = "HigherIsBetter",
                target = 100,
                ownerPartyId = p.OwnerPartyId,
                version
            };
        var (_, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), Kpi("Deliveries", 0), _ct);
        var id = kpi.GetProperty("id").GetGuid();
        var (_, measured) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{id}/measurements"),
            new { date = "2026-11-01", value = 40 },
            _ct);
        var measurementId = measured.GetProperty("measurements")[0].GetProperty("id").GetGuid();

        var (renamed, after) = await p.Owner.Http.PutJsonAsync(p.Url($"/kpis/{id}"), Kpi("Tonnes delivered", 1), _ct);
        var (stale, conflict) = await p.Owner.Http.PutJsonAsync(p.Url($"/kpis/{id}"), Kpi("Stale", 1), _ct);
        var (staleDelete, _) = await p.Owner.Http.SendJsonAsync(
            HttpMethod.Delete,
            p.Url($"/kpis/{id}?version=1"),
            ct: _ct);
        var (removed, withoutMeasurement) = await p.Owner.Http.SendJsonAsync(
            HttpMethod.Delete,
            p.Url($"/kpis/{id}/measurements/{measurementId}"),
            ct: _ct);
        var (deleted, _) = await p.Owner.Http.SendJsonAsync(HttpMethod.Delete, p.Url($"/kpis/{id}?version=2"), ct: _ct);
        var (missing, _) = await p.Owner.Http.PutJsonAsync(p.Url($"/kpis/{id}"), Kpi("Gone", 3), _ct);

        Assert.Equal(HttpStatusCode.OK, renamed);
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal("Tonnes delivered", conflict.GetProperty("current").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Conflict, staleDelete);
        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Equal(0, withoutMeasurement.GetProperty("measurements").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Empty(board.GetProperty("kpis").EnumerateArray());
    }

    [Fact]
    public async Task GoalAndActionItemUpdatesAndDeletesFollowVersions()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, goal) = await p.Owner.Http.PostJsonAsync(
            p.Url("/goals"),
            new { title = "Goal", ownerPartyId = p.OwnerPartyId, status = "OnTrack", version = 0 },
            _ct);
        var goalId = goal.GetProperty("id").GetGuid();
        var (_, item) = await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            new { title = "Item", status = "Open", goalId, version = 0 },
            _ct);
        var itemId = item.GetProperty("id").GetGuid();
        object Edit(string title, int version) =>
            new {
                title,
                notes = "n",
                ownerUserId = p.Owner.Id,
                dueDate = "2027-01-31",
                status = "InProgress",
                goalId,
                version
            };

        var (edited, afterEdit) = await p.Owner.Http.PutJsonAsync(
            p.Url($"/action-items/{itemId}"),
            Edit("Renamed", 1),
            _ct);
        var (staleEdit, conflict) = await p.Owner.Http.PutJsonAsync(
            p.Url($"/action-items/{itemId}"),
            Edit("Stale", 1),
            _ct);
        var (badGoal, _) = await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            new { title = "x", status = "Open", goalId = Guid.NewGuid(), version = 0 },
            _ct);
        var (staleItemDelete, _) = await p.Owner.Http.SendJsonAsync(
            HttpMethod.Delete,
            p.Url($"/action-items/{itemId}?version=1"),
            ct: _ct);
        var (itemDeleted, _) = await p.Owner.Http.SendJsonAsync(
            HttpMethod.Delete,
            p.Url($"/action-items/{itemId}?version=2"),
            ct: _ct);
        var (staleGoalDelete, _) = await p.Owner.Http.SendJsonAsync(
            HttpMethod.Delete,
            p.Url($"/goals/{goalId}?version=7"),
            ct: _ct);
        var (goalDeleted, _) = await p.Owner.Http.SendJsonAsync(
            HttpMethod.Delete,
            p.Url($"/goals/{goalId}?version=1"),
            ct: _ct);

        Assert.Equal(HttpStatusCode.OK, edited);
        Assert.Equal("InProgress", afterEdit.GetProperty("status").GetString());
        Assert.Equal("2027-01-31", afterEdit.GetProperty("dueDate").GetString());
        Assert.Equal(HttpStatusCode.Conflict, staleEdit);
        Assert.Equal("Renamed", conflict.GetProperty("current").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badGoal);
        Assert.Equal(HttpStatusCode.Conflict, staleItemDelete);
        Assert.Equal(HttpStatusCode.OK, itemDeleted);
        Assert.Equal(HttpStatusCode.Conflict, staleGoalDelete);
        Assert.Equal(HttpStatusCode.OK, goalDeleted);
        var (_, items) = await p.Owner.Http.GetJsonAsync(p.Url("/action-items"), _ct);
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Equal(0, items.GetArrayLength());
        Assert.Empty(board.GetProperty("goals").EnumerateArray());
    }

    [Fact]
    public async Task OpenApiDescribesThePartnershipEndpoints()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", _ct);
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/partnerships/{partnershipId}/goals", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/action-items/{itemId}/move", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/documents", paths);
        Assert.Contains("/api/partnerships/{partnershipId}/dashboard", paths);
    }
}
