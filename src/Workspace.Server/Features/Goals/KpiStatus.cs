using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
namespace Workspace.Server.Features.Goals;

/// <summary>A KPI's standing today: its status, the value expected by now and the planned path it is held to.</summary>
public sealed record KpiPace(Rag Status, double? Expected, IReadOnlyList<KpiMilestone> Plan);

/// <summary>
/// How far a KPI is towards its target, and whether it is where it should be by now. The planned path runs from the
/// baseline at the start date through any phased targets to the target at the target date, in straight lines. The
/// latest value is on track (green) when it is at or beyond the path today, at risk (amber) when short of it by at most
/// <see cref="AtRiskShare"/> of the whole way from baseline to target, and behind (red) beyond that. A KPI whose target
/// is met is on track; one without a target date cannot be behind or ahead of time, so it has no status until met.
/// </summary>
public static class KpiStatus
{
    public const double AtRiskShare = 0.1;

    /// <summary>How far towards the target; null when unknown or not finite (extreme or damaged figures).</summary>
    public static double? Attainment(KpiDirection direction, double? baseline, double target, double? latest) =>
        Bounds.Finite(RawAttainment(direction, baseline, target, latest));

    private static double? RawAttainment(KpiDirection direction, double? baseline, double target, double? latest)
    {
        if (latest is not { } value || !double.IsFinite(value) || !double.IsFinite(target)
            || (baseline is { } bad && !double.IsFinite(bad)))
        {
            return null;
        }
        if (baseline is { } b && Math.Abs(target - b) > double.Epsilon)
        {
            return (value - b) / (target - b);
        }
        return direction switch
        {
            KpiDirection.HigherIsBetter when target > 0 => value / target,
            KpiDirection.LowerIsBetter when value > 0 => target / value,
            KpiDirection.LowerIsBetter when value <= 0 && target >= 0 => 1,
            _ => null,
        };
    }

    /// <summary>
    /// The status on <paramref name="today"/>. <paramref name="baseline"/> is where the KPI stood at
    /// <paramref name="start"/>; without one the path has no start and begins at the first phased target.
    /// </summary>
    public static KpiPace Pace(KpiDirection direction, double? baseline, double target, DateOnly start, DateOnly? end,
        IReadOnlyList<KpiMilestone> milestones, double? latest, DateOnly today)
    {
        // Extreme figures (only a damaged database holds them) give no plan and no status rather than break the page.
        if (!double.IsFinite(target) || (baseline is { } bad && !double.IsFinite(bad))
            || milestones.Any(m => !double.IsFinite(m.Value)))
        {
            return new KpiPace(Goals.Rag.None, null, []);
        }
        var plan = Plan(baseline, target, start, end, milestones);
        double? expected = end is null || plan.Count == 0 ? null : Bounds.Finite(ExpectedOn(plan, today));
        // Better is the way from baseline to target; with no baseline or no way (a value to hold), the direction says.
        var from = baseline ?? (plan.Count > 0 ? plan[0].Value : target);
        var better = target > from ? 1 : target < from ? -1 : direction == KpiDirection.HigherIsBetter ? 1 : -1;
        if (latest is not { } value || !double.IsFinite(value))
        {
            return new KpiPace(Goals.Rag.None, expected, plan);
        }
        if (better * (value - target) >= 0)
        {
            return new KpiPace(Goals.Rag.Green, expected, plan);
        }
        if (expected is not { } due)
        {
            return new KpiPace(Goals.Rag.None, null, plan);
        }
        var span = Math.Abs(target - from) > double.Epsilon ? Math.Abs(target - from) : Math.Max(Math.Abs(target), 1);
        var shortfall = better * (due - value);
        var status = shortfall <= span * 1e-9 ? Goals.Rag.Green
            : shortfall <= AtRiskShare * span ? Goals.Rag.Amber
            : Goals.Rag.Red;
        return new KpiPace(status, expected, plan);
    }

    /// <summary>The planned path's corners: baseline at the start, phased targets, target at the target date.</summary>
    public static IReadOnlyList<KpiMilestone> Plan(
        double? baseline, double target, DateOnly start, DateOnly? end, IReadOnlyList<KpiMilestone> milestones)
    {
        if (end is not { } due)
        {
            return [];
        }
        var plan = new List<KpiMilestone>();
        if (baseline is { } b && start < due)
        {
            plan.Add(new KpiMilestone(start, b));
        }
        plan.AddRange(milestones.Where(m => m.Date > start && m.Date < due).OrderBy(m => m.Date));
        plan.Add(new KpiMilestone(due, target));
        return plan;
    }

    /// <summary>Where the path is on <paramref name="day"/>: its first value before, its last after.</summary>
    public static double ExpectedOn(IReadOnlyList<KpiMilestone> plan, DateOnly day)
    {
        if (day <= plan[0].Date)
        {
            return plan[0].Value;
        }
        for (var i = 1; i < plan.Count; i++)
        {
            if (day <= plan[i].Date)
            {
                var (a, b) = (plan[i - 1], plan[i]);
                var share = (double)(day.DayNumber - a.Date.DayNumber) / (b.Date.DayNumber - a.Date.DayNumber);
                return a.Value + share * (b.Value - a.Value);
            }
        }
        return plan[^1].Value;
    }

    /// <summary>Why the dates and phased targets of a KPI cannot be planned with, or null.</summary>
    public static FieldError? CheckPlan(
        DateOnly? start, DateOnly? end, IReadOnlyList<KpiMilestone>? milestones)
    {
        foreach (var (field, date) in new[] { ("startDate", start), ("targetDate", end) })
        {
            if (date is { } d && !Bounds.IsSensible(d))
            {
                return new(field, ErrorCodes.DateOutOfRange, Bounds.DateMessage(field), Bounds.DateArgs());
            }
        }
        if (start is { } s && end is { } e && e <= s)
        {
            return new(
                "targetDate", ErrorCodes.TargetBeforeStart, "The target date must come after the start date.", null);
        }
        if (milestones is not { Count: > 0 })
        {
            return null;
        }
        if (milestones.Count > 24)
        {
            return new("milestones", ErrorCodes.TooManyMilestones, "A KPI takes at most 24 phased targets.",
                Problems.Args(("max", 24)));
        }
        if (end is null)
        {
            return new("milestones", ErrorCodes.MilestonesNeedTargetDate, "Phased targets need a target date.", null);
        }
        if (milestones.FirstOrDefault(m => !Bounds.IsSensible(m.Value)) is { } wrong)
        {
            var (code, args) = Bounds.NumberRefusal(wrong.Value);
            return new("milestones", code, Bounds.NumberMessage("Each phased target"), args);
        }
        if (milestones.Any(m => m.Date >= end || (start is { } from && m.Date <= from)))
        {
            return new("milestones", ErrorCodes.MilestoneOutsidePlan,
                "Phased targets fall between the start date and the target date.", null);
        }
        return milestones.Select(m => m.Date).Distinct().Count() == milestones.Count
            ? null
            : new("milestones", ErrorCodes.MilestoneDateTaken, "Two phased targets share a date.", null);
    }
}
