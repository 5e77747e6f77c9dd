using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Goals;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// What a series' next agenda starts with. It is worked out each time an agenda is read, from the series as it is
/// then, rather than copied into the next meeting when one ends: a moved occurrence then counts at its new time, a
/// cancelled one is skipped, an item done or deleted since drops out, and a meeting that ends late (or never) does
/// not leave a stale copy behind. Materialised rows would have to be found and rewritten on every such change.
/// </summary>
public sealed partial class MeetingsGrain
{
    public async Task<Outcome<CarryOverView>> GetCarryOverAsync(Guid meetingId, DateTime? occurrence)
    {
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            return Outcome<CarryOverView>.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist.");
        }
        if (ValidateOccurrence(meeting, occurrence) is { } invalid)
        {
            return Outcome<CarryOverView>.Invalid(invalid);
        }
        var kpis = await SeriesKpisAsync(meeting);
        if (occurrence is not { } target)
        {
            return Outcome<CarryOverView>.Ok(new CarryOverView(meetingId, null, null, [], [], kpis,
                MeetingCalendar.ToUtc(meeting.StartLocal, meeting.TimeZone), meeting.StartLocal));
        }
        var targetStart = ActualStart(meeting, target);
        var earlier = HeldOccurrences(meeting, targetStart).Where(o => o.Occurrence != target).ToList();
        var previous = earlier.LastOrDefault();
        var members = await MembersAsync();
        var items = (await OpenSeriesItemsAsync(meetingId, targetStart))
            .Select(i => Carried(i, earlier.Count(o => o.StartUtc > i.CreatedAt) + 1, members)).ToList();
        var unreached = previous is null ? [] : AgendaOf(meetingId, previous.Occurrence, members)
            .Where(a => _agenda[a.Id].Outcome == AgendaOutcome.Carry)
            .Select(a => new CarriedAgendaItem(a, previous.Occurrence)).ToList();
        return Outcome<CarryOverView>.Ok(new CarryOverView(meetingId, target, previous?.Occurrence, items, unreached,
            kpis, targetStart, ActualStartLocal(meeting, target)));
    }

    /// <summary>Occurrences of the series that were not cancelled and start no later than <paramref name="until"/>,
    /// at their actual (possibly moved) start, in order.</summary>
    private List<OccurrenceView> HeldOccurrences(Meeting meeting, DateTimeOffset until)
    {
        var from = MeetingCalendar.ToUtc(meeting.StartLocal, meeting.TimeZone).AddDays(-1);
        return until < from ? [] : MeetingCalendar.Expand(View(meeting), from, until.AddTicks(1))
            .Where(o => !o.Cancelled).ToList();
    }

    private DateTimeOffset ActualStart(Meeting meeting, DateTime occurrence) =>
        MeetingCalendar.ToUtc(ActualStartLocal(meeting, occurrence), meeting.TimeZone);

    private DateTime ActualStartLocal(Meeting meeting, DateTime occurrence) =>
        ChangesOf(meeting.Id).FirstOrDefault(c => c.OriginalStartLocal == occurrence)?.NewStartLocal ?? occurrence;

    /// <summary>Open action items that remember this series and existed before <paramref name="before"/>. Read from
    /// the store because the carry count needs when each was created, which the item views do not carry.</summary>
    private async Task<List<ActionItem>> OpenSeriesItemsAsync(Guid meetingId, DateTimeOffset before)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var partnershipId = PartnershipId;
        var items = await db.Set<ActionItem>().AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.MeetingId == meetingId && a.DeletedAt == null
                && a.Status != ActionStatus.Done)
            .ToListAsync();
        // SQLite cannot compare DateTimeOffset columns in SQL, so the time filter runs here (a series' items are few).
        return items.Where(a => a.CreatedAt < before).OrderBy(a => a.CreatedAt).ThenBy(a => a.Number).ToList();
    }

    private static CarriedActionItem Carried(ActionItem i, int times, IReadOnlyList<MemberView> members) =>
        new(i.Id, i.Number, i.Title, i.OwnerUserId, members.FirstOrDefault(m => m.UserId == i.OwnerUserId)?.DisplayName,
            i.DueDate, i.Status, times);

    private async Task<IReadOnlyList<SeriesKpi>> SeriesKpisAsync(Meeting meeting)
    {
        var ids = Split(meeting.KpiIds).Select(Guid.Parse).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var board = await Goals().GetBoardAsync();
        return ids.Select(id => board.Kpis.FirstOrDefault(k => k.Id == id)).OfType<KpiView>()
            .Select(k => new SeriesKpi(k.Id, k.Name, k.Unit, k.Target, k.Latest, k.Expected, k.Status,
                k.Measurements.Where(m => m.Value is not null).Select(m => (DateOnly?)m.Date).Max()))
            .ToList();
    }
}
