namespace Workspace.Server.Features.Goals;

/// <summary>The goals' and KPIs' limits, used by the request contracts, the EF model and the grain alike.</summary>
public static class GoalLimits
{
    public const int TitleMax = 200;

    /// <summary>A goal's description and its success criteria, each.</summary>
    public const int TextMax = 4000;

    public const int KpiNameMax = 200;

    public const int UnitMax = 40;

    public const int NoteMax = 1000;

    /// <summary>A KPI's milestones, stored as one JSON column.</summary>
    public const int MilestonesMax = 4000;

    /// <summary>The name of who changed it last, copied from the member.</summary>
    public const int UpdatedByNameMax = 100;
}
