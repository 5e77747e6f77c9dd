using System.Text.Json;

namespace Workspace.Server.Features.Reviews;

/// <summary>One round with its answers (by user id) and agreed changes, as the grain keeps it in memory.</summary>
internal sealed class RoundState(ReviewRound round)
{
    public ReviewRound Round { get; set; } = round;
    public Dictionary<string, ReviewAnswer> Answers { get; } = new(StringComparer.Ordinal);
    public List<ReviewChange> Changes { get; } = [];

    public IReadOnlyList<ReviewGoal> Goals => JsonSerializer.Deserialize<List<ReviewGoal>>(Round.Goals) ?? [];

    public static IReadOnlyDictionary<Guid, int> GoalScores(ReviewAnswer answer) =>
        JsonSerializer.Deserialize<Dictionary<Guid, int>>(answer.GoalScores) ?? [];
}

internal static class ReviewCopies
{
    public static ReviewRound Copy(this ReviewRound r) => new()
    {
        Id = r.Id, PartnershipId = r.PartnershipId, Number = r.Number, Title = r.Title, PeriodFrom = r.PeriodFrom,
        PeriodTo = r.PeriodTo, ClosesOn = r.ClosesOn, Goals = r.Goals, Status = r.Status,
        OpenedByUserId = r.OpenedByUserId, OpenedByName = r.OpenedByName, OpenedAt = r.OpenedAt,
        ClosedByName = r.ClosedByName, ClosedAt = r.ClosedAt,
    };

    public static ReviewChange Copy(this ReviewChange c) => new()
    {
        Id = c.Id, PartnershipId = c.PartnershipId, RoundId = c.RoundId, Number = c.Number, Text = c.Text,
        PartyId = c.PartyId, ByUserId = c.ByUserId, ByName = c.ByName, At = c.At, ActionItemId = c.ActionItemId,
        ActionItemNumber = c.ActionItemNumber,
    };
}
