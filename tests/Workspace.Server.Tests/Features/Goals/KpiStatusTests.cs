using Workspace.Server.Features.Goals;

namespace Workspace.Server.Tests.Features.Goals;

/// <summary>
/// A KPI's status compares its latest value with where its planned path says it should be by now (before, a KPI
/// that had not reached its target yet was red from the first day).
/// </summary>
public sealed class KpiStatusTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static KpiPace Pace(double? baseline, double target, int startInDays, int? endInDays, double? latest,
        KpiDirection direction = KpiDirection.HigherIsBetter, params KpiMilestone[] milestones) =>
        KpiStatus.Pace(
            direction,
            baseline,
            target,
            Today.AddDays(startInDays),
            endInDays is { } e ? Today.AddDays(e) : null,
            milestones,
            latest,
            Today);

    [Fact]
    public void NinetyOfTwoHundredOnTheFirstDayOfTenMonthsIsOnTrack()
    {
        var end = (Today.AddMonths(10).DayNumber - Today.DayNumber);

        var fromZero = Pace(0, 200, 0, end, 90);
        // Without a baseline the KPI starts where it was first measured (the grain passes that value).
        var fromFirstValue = Pace(90, 200, 0, end, 90);

        Assert.Equal(Rag.Green, fromZero.Status);
        Assert.Equal(0, fromZero.Expected);
        Assert.Equal(Rag.Green, fromFirstValue.Status);
        Assert.Equal(90, fromFirstValue.Expected);
    }

    [Theory]
    [InlineData(100.0, Rag.Green)]
    [InlineData(130.0, Rag.Green)]
    [InlineData(95.0, Rag.Amber)]
    [InlineData(80.0, Rag.Amber)] // short by exactly a tenth of the way
    [InlineData(79.0, Rag.Red)]
    [InlineData(200.0, Rag.Green)]
    public void HalfWayAlongThePlanHalfTheWayIsExpected(double latest, Rag status)
    {
        var pace = Pace(0, 200, -150, 150, latest);

        Assert.Equal(100, pace.Expected!.Value, 9);
        Assert.Equal(status, pace.Status);
    }

    [Theory]
    [InlineData(50.0, Rag.Green)]
    [InlineData(40.0, Rag.Amber)]
    [InlineData(20.0, Rag.Red)]
    public void BeforeTheStartTheBaselineIsExpected(double latest, Rag status)
    {
        var pace = Pace(50, 200, 30, 300, latest);

        Assert.Equal(50, pace.Expected);
        Assert.Equal(status, pace.Status);
    }

    [Theory]
    [InlineData(250.0, Rag.Green)]
    [InlineData(200.0, Rag.Green)]
    [InlineData(190.0, Rag.Amber)]
    [InlineData(150.0, Rag.Red)]
    public void AfterTheTargetDateTheTargetIsExpected(double latest, Rag status)
    {
        var pace = Pace(0, 200, -300, -10, latest);

        Assert.Equal(200, pace.Expected);
        Assert.Equal(status, pace.Status);
    }

    [Theory]
    [InlineData(19.0, Rag.Green)]
    [InlineData(9.0, Rag.Green)]
    [InlineData(21.5, Rag.Amber)]
    [InlineData(25.0, Rag.Red)]
    public void DecreasingKpiIsOnTrackWhenAtOrBelowItsPath(double latest, Rag status)
    {
        var pace = Pace(30, 10, -100, 100, latest, KpiDirection.LowerIsBetter);

        Assert.Equal(20, pace.Expected!.Value, 9);
        Assert.Equal(status, pace.Status);
    }

    [Fact]
    public void WithoutATargetDateAKpiIsNeitherAheadNorBehindUntilMet()
    {
        var unmet = Pace(0, 200, -100, null, 150);
        var met = Pace(0, 200, -100, null, 200);

        Assert.Equal(Rag.None, unmet.Status);
        Assert.Null(unmet.Expected);
        Assert.Empty(unmet.Plan);
        Assert.Equal(Rag.Green, met.Status);
        Assert.Equal(Rag.None, Pace(0, 200, -100, 100, null).Status);
    }

    [Fact]
    public void PhasedTargetsShapeThePlannedPath()
    {
        // A slow start: 20 by day 90, 60 by day 181, 200 at day 364.
        KpiMilestone[] phases = [new(Today.AddDays(-91), 20), new(Today, 60)];

        var pace = Pace(0, 200, -181, 183, 60, KpiDirection.HigherIsBetter, phases);

        Assert.Equal(60, pace.Expected);
        Assert.Equal(Rag.Green, pace.Status); // a straight line would expect about 99 by now
        Assert.Equal([0, 20, 60, 200], pace.Plan.Select(p => p.Value));
        Assert.Equal(10, KpiStatus.ExpectedOn(pace.Plan, Today.AddDays(-181 + 45)), 9);
        Assert.Equal(Rag.Red, Pace(0, 200, -181, 183, 60).Status);
    }

    [Fact]
    public void HoldingAValueIsJudgedByTheDirection()
    {
        Assert.Equal(Rag.Green, Pace(5, 5, -10, 10, 5.2).Status);
        Assert.Equal(Rag.Amber, Pace(5, 5, -10, 10, 4.6).Status);
        Assert.Equal(Rag.Green, Pace(5, 5, -10, 10, 4.6, KpiDirection.LowerIsBetter).Status);
    }

    [Theory]
    [InlineData(0, -1, false, "targetDate")]
    [InlineData(0, 100, true, null)]
    [InlineData(0, null, true, "milestones")]
    public void PlansThatCannotBeFollowedAreRefused(int start, int? end, bool withMilestone, string? field)
    {
        IReadOnlyList<KpiMilestone>? milestones = withMilestone ? [new(Today.AddDays(50), 1)] : null;

        var problem = KpiStatus.CheckPlan(Today.AddDays(start), end is { } e ? Today.AddDays(e) : null, milestones);

        Assert.Equal(field, problem?.Field);
    }
}
