using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

public enum DecisionState { Current, Superseded }

/// <summary>The decision log's filters; every one is optional, and every id must be of the partnership.</summary>
[GenerateSerializer, Immutable]
public sealed record DecisionLogQuery(
    [property: Id(0)] string? Text,
    [property: Id(1)] Guid? MeetingId,
    [property: Id(2)] Guid? PartyId,
    [property: Id(3)] DecisionState? Status,
    [property: Id(4)] Guid? GoalId,
    [property: Id(5)] Guid? KpiId,
    [property: Id(6)] DateOnly? From,
    [property: Id(7)] DateOnly? To);

public sealed partial class MeetingsGrain
{
    public async Task<DecisionView?> GetDecisionAsync(Guid decisionId)
    {
        await FollowClausesAsync();
        return _decisions.TryGetValue(decisionId, out var d) ? DecisionViewOf(d) : null;
    }

    public async Task<Outcome<IReadOnlyList<DecisionView>>> SearchDecisionsAsync(DecisionLogQuery query)
    {
        if (await ValidateLogQueryAsync(query) is { } invalid)
        {
            return Outcome<IReadOnlyList<DecisionView>>.Invalid(invalid);
        }
        await FollowClausesAsync();
        var text = query.Text?.Trim() ?? "";
        var goal = query.GoalId is { } g ? $"{MeetingLinkKind.Goal}:{g}" : null;
        var kpi = query.KpiId is { } k ? $"{MeetingLinkKind.Kpi}:{k}" : null;
        var found = _decisions.Values.Where(d =>
            (query.MeetingId is not { } m || d.MeetingId == m)
            && (query.PartyId is not { } p || Split(d.PartyIds).Contains(p.ToString()))
            && (query.Status is not { } s || (s == DecisionState.Superseded) == (d.SupersededById is not null))
            && (goal is null || Split(d.Links).Contains(goal))
            && (kpi is null || Split(d.Links).Contains(kpi))
            && (query.From is not { } from || DateOnly.FromDateTime(d.CreatedAt.UtcDateTime) >= from)
            && (query.To is not { } to || DateOnly.FromDateTime(d.CreatedAt.UtcDateTime) <= to)
            && (text.Length == 0 || Mentions(d, text)));
        return Outcome<IReadOnlyList<DecisionView>>.Ok(
            found.OrderByDescending(d => d.CreatedAt).Select(DecisionViewOf).ToList());
    }

    /// <summary>A search finds a decision by any of its wordings, its reasons, and its meeting's title.</summary>
    private bool Mentions(Decision d, string text) =>
        Has(d.Text, text) || Has(d.Why, text)
        || (_meetings.TryGetValue(d.MeetingId, out var m) && Has(m.Title, text))
        || RevisionsOf(d.Id).Any(r => Has(r.Text, text) || Has(r.Why, text) || Has(r.Reason, text));

    private static bool Has(string where, string what) => where.Contains(what, StringComparison.OrdinalIgnoreCase);

    private async Task<FieldError?> ValidateLogQueryAsync(DecisionLogQuery query)
    {
        if (query.Text?.Length > MeetingLimits.SearchMax)
        {
            return new FieldError("q", ErrorCodes.TooLong, "Search for at most 200 characters.",
                Problems.Args(("max", MeetingLimits.SearchMax)));
        }
        foreach (var (field, date) in new[] { ("from", query.From), ("to", query.To) })
        {
            if (date is { } d && !Bounds.IsSensible(d))
            {
                return new FieldError(field, ErrorCodes.DateOutOfRange, "Dates lie between 2000 and 2100.",
                    Bounds.DateArgs());
            }
        }
        if (query.MeetingId is { } meetingId && !_meetings.ContainsKey(meetingId))
        {
            return new FieldError("meetingId", ErrorCodes.UnknownMeeting,
                "The meeting must be one of this partnership's meetings.", null);
        }
        if (query.From is { } from && query.To is { } to && to < from)
        {
            return new FieldError("to", ErrorCodes.OutOfRange, "The range ends on or after its first day.",
                Problems.Args(("min", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }
        if (query.PartyId is { } partyId
            && ((await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync())?.Parties ?? [])
                .All(p => p.Id != partyId))
        {
            return new FieldError("partyId", ErrorCodes.UnknownParty, "The party must be of this partnership.", null);
        }
        return await ValidateLinksAsync(query.GoalId is { } goal ? [new MeetingLink(MeetingLinkKind.Goal, goal)] : [],
                "goalId")
            ?? await ValidateLinksAsync(query.KpiId is { } kpi ? [new MeetingLink(MeetingLinkKind.Kpi, kpi)] : [],
                "kpiId");
    }
}
