namespace Workspace.Server.Features.Reviews;

/// <summary>The bounds of a review: what a client may send and what one partnership may hold.</summary>
public static class ReviewLimits
{
    public const int TitleMax = 200;
    /// <summary>Each free text ("what works", "what should change").</summary>
    public const int TextMax = 2000;
    public const int ChangeMax = 500;
    /// <summary>The goals asked about in one round (the partnership's goals at opening, the first ones).</summary>
    public const int GoalsMax = 50;
    public const int GoalsJsonMax = 12000;
    /// <summary>The longest period one round covers.</summary>
    public const int PeriodDaysMax = 2 * 366;
    /// <summary>How far ahead a round's closing date may lie.</summary>
    public const int ClosingDaysMax = 366;
    public const int RoundsMax = 500;
    public const int ChangesMax = 100;
    public const int ScoreMin = 1;
    public const int ScoreMax = 5;
}
