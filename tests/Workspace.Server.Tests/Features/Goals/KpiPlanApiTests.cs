using System.Globalization;
using System.Net;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Goals;

/// <summary>KPIs carry a start date, a target date and phased targets; their status follows the planned path.</summary>
public sealed class KpiPlanApiTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private string Day(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task NinetyOfTwoHundredDueInTenMonthsIsOnTrackFromDayOneAndSoIsItsGoal()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, goal) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), new
        {
            title = "Supply 200 t of rice", description = "", successCriteria = "", ownerPartyId = p.OwnerPartyId,
            targetDate = Today.AddMonths(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status = "OnTrack",
            version = 0,
        }, _ct);
        // No start date (today), no baseline (the first value), no target date of its own (the goal's).
        var (_, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), new
        {
            name = "Rice delivered", unit = "t", direction = "HigherIsBetter", target = 200,
            ownerPartyId = p.OwnerPartyId,
            goalId = goal.GetProperty("id").GetGuid(), version = 0,
        }, _ct);
        Assert.Equal(Day(0), kpi.GetProperty("startDate").GetString());

        var (status, measured) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{kpi.GetProperty("id").GetGuid()}/measurements"),
            new { date = Day(0), value = 90 },
            _ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Green", measured.GetProperty("status").GetString());
        Assert.Equal(90, measured.GetProperty("expected").GetDouble());
        var plan = measured.GetProperty("plan");
        Assert.Equal(Day(0), plan[0].GetProperty("date").GetString());
        Assert.Equal(200, plan[1].GetProperty("value").GetDouble());
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Equal("Green", board.GetProperty("goals")[0].GetProperty("kpiStatus").GetString());
        Assert.Equal("Green", board.GetProperty("kpis")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task PhasedTargetsAreKeptAndSetWhatIsExpectedByNow()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (created, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), new
        {
            name = "Farmers trained", unit = "", direction = "HigherIsBetter", baseline = 0, target = 40,
            ownerPartyId = p.OwnerPartyId, version = 0,
            startDate = Day(-100), targetDate = Day(100),
            milestones = new[] { new { date = Day(0), value = 5 }, new { date = Day(50), value = 10 } },
        }, _ct);
        Assert.Equal(HttpStatusCode.OK, created);
        var (_, measured) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/kpis/{kpi.GetProperty("id").GetGuid()}/measurements"),
            new { date = Day(0), value = 6 },
            _ct);

        Assert.Equal(5, measured.GetProperty("expected").GetDouble());
        Assert.Equal("Green", measured.GetProperty("status").GetString());
        Assert.Equal(4, measured.GetProperty("plan").GetArrayLength());
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Equal(2, board.GetProperty("kpis")[0].GetProperty("milestones").GetArrayLength());
    }

    [Theory]
    [InlineData(0, -5, 0, "targetDate")]
    [InlineData(-10, 10, 20, "milestones")]
    [InlineData(-10, 10, -20, "milestones")]
    public async Task PlanThatCannotBeFollowedIsRefusedAndNothingIsSaved(
        int start,
        int end,
        int milestone,
        string field)
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (status, problem) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), new
        {
            name = "Farmers trained", unit = "", direction = "HigherIsBetter", baseline = 0, target = 40,
            ownerPartyId = p.OwnerPartyId, version = 0,
            startDate = Day(start), targetDate = Day(end),
            milestones = milestone == 0 ? null : new[] { new { date = Day(milestone), value = 5 } },
        }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var (_, board) = await p.Owner.Http.GetJsonAsync(p.Url("/goals"), _ct);
        Assert.Empty(board.GetProperty("kpis").EnumerateArray());
    }
}
