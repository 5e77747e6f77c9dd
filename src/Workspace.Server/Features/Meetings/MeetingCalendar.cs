using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// Recurrence expansion and iCalendar output, both through Ical.Net, so what the page lists and what a calendar app
/// shows from the .ics come from the same rule (and keep their wall-clock time across daylight saving).
/// </summary>
public static class MeetingCalendar
{
    /// <summary>Most occurrences one listing expands (a weekly series over the longest window is far below
    /// it).</summary>
    public const int MaxOccurrences = 500;

    public static string? RRuleOf(MeetingRecurrence recurrence, DateOnly? until)
    {
        var rule = recurrence switch
        {
            MeetingRecurrence.Weekly => "FREQ=WEEKLY",
            MeetingRecurrence.EveryTwoWeeks => "FREQ=WEEKLY;INTERVAL=2",
            MeetingRecurrence.Monthly => "FREQ=MONTHLY",
            MeetingRecurrence.Quarterly => "FREQ=MONTHLY;INTERVAL=3",
            _ => null,
        };
        // UNTIL must be UTC when DTSTART has a zone; the day after, at midnight UTC, keeps the last day's meeting.
        return rule is null || until is not { } last ? rule : $"{rule};UNTIL={last.AddDays(1):yyyyMMdd}T000000Z";
    }

    /// <summary>The moment a wall-clock time in an IANA zone begins (an ambiguous time counts as its first
    /// instance).</summary>
    public static DateTimeOffset ToUtc(DateTime local, string timeZone) =>
        new(new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone, true).AsUtc,
            TimeSpan.Zero);

    public static bool IsValidLocal(DateTime local, string timeZone) =>
        !TimeZoneInfo.FindSystemTimeZoneById(timeZone).IsInvalidTime(DateTime.SpecifyKind(local,
            DateTimeKind.Unspecified));

    public static bool IsIanaZone(string? timeZone) =>
        timeZone is { Length: > 0 and <= 64 } zone
        && (zone == "UTC" || (zone.Contains('/', StringComparison.Ordinal)
            && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)));

    /// <summary>Occurrences that start in [from, to), moves and cancellations applied, in start order.</summary>
    public static IEnumerable<OccurrenceView> Expand(
        MeetingView meeting, DateTimeOffset from, DateTimeOffset to)
    {
        var changes = meeting.Changes.ToDictionary(c => c.OriginalStart);
        var found = new List<OccurrenceView>();
        foreach (var original in OriginalStarts(meeting, from - TimeSpan.FromDays(400), to))
        {
            changes.TryGetValue(original, out var change);
            var local = change?.NewStart ?? original;
            var start = ToUtc(local, meeting.TimeZone);
            if (start >= from && start < to)
            {
                found.Add(new OccurrenceView(meeting.Id, meeting.Recurrence == MeetingRecurrence.None ? null : original,
                    meeting.Title, start, start.AddMinutes(meeting.DurationMinutes), local, meeting.TimeZone,
                    meeting.Location, meeting.FacilitatorUserId, meeting.AttendeeUserIds, meeting.Recurrence,
                    meeting.Cancelled || change?.Cancelled == true, change?.NewStart is not null));
            }
        }
        return found.OrderBy(o => o.StartUtc).Take(MaxOccurrences);
    }

    /// <summary>The wall-clock starts the series rule gives (its identities), from about <paramref
    /// name="from"/>.</summary>
    public static IEnumerable<DateTime> OriginalStarts(MeetingView meeting, DateTimeOffset from, DateTimeOffset to)
    {
        if (meeting.RRule is null)
        {
            return [meeting.Start];
        }
        var series = Event(meeting);
        var begin = new CalDateTime(from.UtcDateTime, "UTC", true);
        return series.GetOccurrences(begin, null)
            .TakeWhile(o => o.Period.StartTime.AsUtc < to.UtcDateTime)
            .Take(MaxOccurrences * 2)
            .Select(o => o.Period.StartTime.Value)
            .ToList();
    }

    public static bool IsOccurrence(MeetingView meeting, DateTime original)
    {
        var at = ToUtc(original, meeting.TimeZone);
        return meeting.RRule is not null
            && OriginalStarts(meeting, at.AddMinutes(-1), at.AddMinutes(1)).Contains(original);
    }

    /// <summary>One VCALENDAR with every meeting given: the series with its RRULE, moved or cancelled occurrences as
    /// RECURRENCE-ID overrides carrying their own SEQUENCE and STATUS.</summary>
    public static string ToIcs(IEnumerable<MeetingView> meetings, Func<string, string?> emailOf, string name)
    {
        var calendar = new Calendar { ProductId = "-//Partnership Workspace//Meetings//EN", Method = "PUBLISH" };
        calendar.Properties.Set("X-WR-CALNAME", name);
        foreach (var zone in meetings.Select(m => m.TimeZone).Distinct(StringComparer.Ordinal))
        {
            calendar.AddTimeZone(zone);
        }
        foreach (var meeting in meetings)
        {
            var master = Event(meeting);
            Describe(master, meeting, emailOf);
            calendar.Events.Add(master);
            foreach (var change in meeting.Changes)
            {
                var single = Event(meeting with { RRule = null, Start = change.NewStart ?? change.OriginalStart });
                Describe(single, meeting, emailOf);
                single.RecurrenceIdentifier = new RecurrenceIdentifier(new CalDateTime(change.OriginalStart,
                    meeting.TimeZone, true), null);
                single.Sequence = Math.Max(meeting.Sequence, change.Sequence);
                single.Status = meeting.Cancelled || change.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed;
                calendar.Events.Add(single);
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(MeetingView meeting)
    {
        var series = new CalendarEvent
        {
            DtStart = new CalDateTime(DateTime.SpecifyKind(meeting.Start, DateTimeKind.Unspecified), meeting.TimeZone,
                true),
            Duration = Duration.FromMinutes(meeting.DurationMinutes),
        };
        if (meeting.RRule is { } rule)
        {
            series.RecurrenceRule = new RecurrenceRule(rule);
        }
        return series;
    }

    private static void Describe(CalendarEvent e, MeetingView meeting, Func<string, string?> emailOf)
    {
        e.Uid = $"{meeting.Id}@partnership-workspace";
        e.Summary = meeting.Title;
        e.Sequence = meeting.Sequence;
        e.Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed;
        if (meeting.Location.Length > 0)
        {
            e.Location = meeting.Location;
        }
        if (emailOf(meeting.FacilitatorUserId) is { Length: > 0 } organiser)
        {
            e.Organizer = new Organizer($"mailto:{organiser}");
        }
        foreach (var email in meeting.AttendeeUserIds.Select(emailOf).OfType<string>().Where(m => m.Length > 0))
        {
            e.Attendees.Add(new Attendee($"mailto:{email}"));
        }
    }
}
