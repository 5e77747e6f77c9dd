namespace Workspace.Server.Features.Goals;

/// <summary>
/// How far a KPI is towards its target, and its red/amber/green status.
/// Green: the target is met. Amber: at least <see cref="AmberThreshold"/> of the way there.
/// Red: below that. With a baseline, progress is measured from baseline to target, which works for
/// both directions; without one it is the ratio of value and target.
/// </summary>
public static class KpiStatus
{
    public const double AmberThreshold = 0.9;

    /// <summary>How far towards the target; null when unknown or not finite (extreme or damaged figures).</summary>
    public static double? Attainment(KpiDirection direction, double? baseline, double target, double? latest) =>
        Infrastructure.Bounds.Finite(RawAttainment(direction, baseline, target, latest));

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

    public static Rag Rag(KpiDirection direction, double? baseline, double target, double? latest)
    {
        if (latest is not { } value || !double.IsFinite(value) || !double.IsFinite(target))
        {
            return Goals.Rag.None;
        }
        var met = direction == KpiDirection.HigherIsBetter ? value >= target : value <= target;
        if (met)
        {
            return Goals.Rag.Green;
        }
        return Attainment(direction, baseline, target, value) >= AmberThreshold ? Goals.Rag.Amber : Goals.Rag.Red;
    }
}
