namespace Workspace.Server.Features.Meetings;

/// <summary>An open action item of a series carried over more than twice.</summary>
[GenerateSerializer, Immutable]
public sealed record CarriedSeriesItem(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] string MeetingTitle,
    [property: Id(2)] CarriedActionItem Item);

/// <summary>The dashboard's meeting tiles: the next meeting (under way or to come), the last one held with its
/// decisions, and open items carried into more than <see cref="MeetingsGrain.CarriedTooOften"/> meetings.</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingTilesView(
    [property: Id(0)] OccurrenceView? Next,
    [property: Id(1)] OccurrenceView? Last,
    [property: Id(2)] IReadOnlyList<DecisionView> LastDecisions,
    [property: Id(3)] IReadOnlyList<CarriedSeriesItem> CarriedOver);

public sealed partial class MeetingsGrain
{
    public const int CarriedTooOften = 2;

    public async Task<MeetingTilesView> GetTilesAsync()
    {
        var now = clock.GetUtcNow();
        var occurrences = _meetings.Values.Where(m => !m.Cancelled)
            .SelectMany(m => MeetingCalendar.Expand(View(m), now.AddDays(-400), now.AddDays(400)))
            .Where(o => !o.Cancelled).OrderBy(o => o.StartUtc).ToList();
        var next = occurrences.FirstOrDefault(o => o.EndUtc > now);
        var last = occurrences.LastOrDefault(o => o.EndUtc <= now);
        var decisions = last is null ? [] : _decisions.Values
            .Where(d => d.MeetingId == last.MeetingId && d.Occurrence == last.Occurrence)
            .OrderBy(d => d.CreatedAt).Select(DecisionViewOf).ToList();
        var members = await MembersAsync();
        var carried = new List<CarriedSeriesItem>();
        foreach (var meeting in _meetings.Values.Where(m => m.Recurrence != MeetingRecurrence.None && !m.Cancelled))
        {
            var held = HeldOccurrences(meeting, now);
            carried.AddRange((await OpenSeriesItemsAsync(meeting.Id, now))
                .Select(i => Carried(i, held.Count(o => o.StartUtc > i.CreatedAt), members))
                .Where(c => c.TimesCarried > CarriedTooOften)
                .Select(c => new CarriedSeriesItem(meeting.Id, meeting.Title, c)));
        }
        return new MeetingTilesView(next, last, decisions,
            carried.OrderByDescending(c => c.Item.TimesCarried).ToList());
    }
}
