using System.Net;
using System.Text.Json;
using Workspace.Server.Features.Goals;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features;

public sealed class GoalsTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Goal(Guid party, string title = "Joint rice supply of 500 t", int version = 0, string status = "OnTrack") =>
        new { title, description = "Both sides deliver", successCriteria = "500 t delivered\nNo late shipment", ownerPartyId = party, targetDate = "2027-06-30", status, version };

    [Fact]
    public async Task GoalIsCreatedUpdatedAndListedWithItsVersion()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (created, goal) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal(p.OwnerPartyId), _ct);
        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal(1, goal.GetProperty("version").GetInt32());

        var id = goal.GetProperty("id").GetGuid();
        var (updated, after) = await p.Owner.Http.PutJsonAsync(p.Url($"/goals/{id}"), Goal(p.OwnerPartyId, "Renamed goal", version: 1, status: "AtRisk"), _ct);
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

        var (status, conflict) = await p.Owner.Http.PutJsonAsync(p.Url($"/goals/{id}"), Goal(p.OwnerPartyId, "Stale write", version: 1), _ct);

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
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _) || problem.GetProperty("errors").TryGetProperty("Title", out _), problem.ToString());
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Empty(board.GetProperty("goals").EnumerateArray());
    }

    [Fact]
    public async Task GoalOwnedByAnUnknownPartyIsRejected()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (status, problem) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal(Guid.NewGuid()), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("organisations", problem.GetProperty("errors").GetProperty("ownerPartyId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiMeasurementsGiveLatestValueAttainmentAndStatus()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, goal) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal(p.OwnerPartyId), _ct);
        var kpiInput = new { name = "Tonnes delivered", unit = "t", direction = "HigherIsBetter", baseline = 0, target = 500, ownerPartyId = p.OwnerPartyId, goalId = goal.GetProperty("id").GetGuid(), version = 0 };
        var (created, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), kpiInput, _ct);
        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal("None", kpi.GetProperty("status").GetString());
        var kpiId = kpi.GetProperty("id").GetGuid();

        await p.Owner.Http.PostJsonAsync(p.Url($"/kpis/{kpiId}/measurements"), new { date = "2026-10-01", value = 100, note = "first shipment" }, _ct);
        var (_, amber) = await p.Owner.Http.PostJsonAsync(p.Url($"/kpis/{kpiId}/measurements"), new { date = "2026-11-01", value = 460 }, _ct);
        Assert.Equal("Amber", amber.GetProperty("status").GetString());
        Assert.Equal(460, amber.GetProperty("latest").GetDouble());

        // An older value entered later does not become the latest.
        var (_, stillAmber) = await p.Owner.Http.PostJsonAsync(p.Url($"/kpis/{kpiId}/measurements"), new { date = "2026-09-01", value = 10 }, _ct);
        Assert.Equal(460, stillAmber.GetProperty("latest").GetDouble());
        Assert.Equal(3, stillAmber.GetProperty("measurements").GetArrayLength());

        var (_, green) = await p.Owner.Http.PostJsonAsync(p.Url($"/kpis/{kpiId}/measurements"), new { date = "2026-11-20", value = 510 }, _ct);
        Assert.Equal("Green", green.GetProperty("status").GetString());

        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Equal(1.0, board.GetProperty("goals")[0].GetProperty("progress").GetDouble(), 3);
    }

    [Fact]
    public async Task MeasurementInTheFutureIsRejected()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), new { name = "Cost", unit = "IDR", direction = "LowerIsBetter", target = 10, ownerPartyId = p.OwnerPartyId, version = 0 }, _ct);

        var (status, problem) = await p.Owner.Http.PostJsonAsync(p.Url($"/kpis/{kpi.GetProperty("id").GetGuid()}/measurements"), new { date = "2099-01-01", value = 5 }, _ct);

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

    [Theory]
    [InlineData(KpiDirection.HigherIsBetter, null, 100.0, 100.0, Rag.Green)]
    [InlineData(KpiDirection.HigherIsBetter, null, 100.0, 95.0, Rag.Amber)]
    [InlineData(KpiDirection.HigherIsBetter, null, 100.0, 50.0, Rag.Red)]
    [InlineData(KpiDirection.LowerIsBetter, null, 10.0, 9.0, Rag.Green)]
    [InlineData(KpiDirection.LowerIsBetter, null, 10.0, 11.0, Rag.Amber)]
    [InlineData(KpiDirection.LowerIsBetter, null, 10.0, 20.0, Rag.Red)]
    [InlineData(KpiDirection.LowerIsBetter, 30.0, 10.0, 12.0, Rag.Amber)]
    [InlineData(KpiDirection.LowerIsBetter, 30.0, 10.0, 25.0, Rag.Red)]
    [InlineData(KpiDirection.HigherIsBetter, 50.0, 100.0, 96.0, Rag.Amber)]
    [InlineData(KpiDirection.HigherIsBetter, null, 100.0, null, Rag.None)]
    public void KpiStatusFollowsDirectionBaselineAndTarget(KpiDirection direction, double? baseline, double target, double? latest, Rag expected)
    {
        Assert.Equal(expected, KpiStatus.Rag(direction, baseline, target, latest));
    }

    [Fact]
    public void AttainmentFromBaselineWorksForLowerIsBetter()
    {
        Assert.Equal(0.5, KpiStatus.Attainment(KpiDirection.LowerIsBetter, 30, 10, 20)!.Value, 6);
        Assert.Null(KpiStatus.Attainment(KpiDirection.HigherIsBetter, null, 0, 5));
    }

    internal static Guid IdOf(JsonElement e) => e.GetProperty("id").GetGuid();
}
