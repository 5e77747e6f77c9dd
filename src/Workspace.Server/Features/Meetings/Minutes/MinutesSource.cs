using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Documents;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Meetings.Minutes;

/// <summary>Gathers what the minutes of one meeting (one occurrence of a series) say, from the grains that own
/// it.</summary>
public sealed class MinutesSource(IGrainFactory grains)
{
    /// <summary>The minutes' content; null when the meeting is not one of the partnership's.</summary>
    public async Task<MinutesModel?> CollectAsync(
        Guid partnershipId, Guid meetingId, DateTime? occurrence, MinutesLabels labels, Guid? notesDocumentId)
    {
        var meetings = grains.GetGrain<IMeetingsGrain>(partnershipId);
        var partnership = await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync();
        if (partnership is null || await meetings.GetMeetingAsync(meetingId) is not { } meeting)
        {
            return null;
        }
        var agenda = (await meetings.GetAgendaAsync(meetingId, occurrence)).Value ?? [];
        var decisions = (await meetings.GetDecisionsAsync(meetingId))
            .Where(d => d.Occurrence == occurrence).OrderBy(d => d.CreatedAt).ToList();
        var items = await grains.GetGrain<IActionItemsGrain>(partnershipId).GetAllAsync();
        var captured = (await grains.GetGrain<IMeetingRunGrain>(partnershipId).GetRunAsync(meetingId, occurrence))
            .Value?.Captures
            .Where(c => c.Kind == "action").Select(c => c.Id).ToHashSet() ?? [];
        var notes = notesDocumentId is { } notesId
            && await grains.GetGrain<IDocumentGrain>(notesId).GetInfoAsync() is { Deleted: false }
            ? (await grains.GetGrain<IDocumentGrain>(notesId).OpenAsync(null)).OrRaise().Text ?? "" : "";
        string Name(string? userId) => partnership.Members.FirstOrDefault(m => m.UserId == userId)?.DisplayName ?? "";
        var parties = partnership.Parties.ToDictionary(p => p.Id, p => p.Name);
        return new MinutesModel(
            labels, partnership.Name, meeting.Title, StartOf(meeting, occurrence), meeting.TimeZone,
            meeting.DurationMinutes, meeting.Location, Name(meeting.FacilitatorUserId),
            MinutesAttendance.Of(partnership.Parties, partnership.Members, meeting.AttendeeUserIds,
                meeting.AttendeeUserIds),
            agenda.Select(a => new MinutesAgendaItem(a.Title, a.OwnerName, a.Minutes)).ToList(),
            decisions.Select(d => new MinutesDecision(d.Text, d.Why,
                d.PartyIds.Select(p => parties.GetValueOrDefault(p, "")).Where(n => n.Length > 0).ToList(),
                d.SupersededById is not null)).ToList(),
            ItemsOf(meeting, items, agenda, decisions, notesDocumentId, captured)
                .Select(i => new MinutesActionItem(i.Number, i.Title, i.OwnerName ?? Name(i.OwnerUserId),
                    i.DueDate, i.Status.ToString())).ToList(),
            notes);
    }

    /// <summary>When this occurrence began: moved occurrences keep their identity but start elsewhere.</summary>
    internal static DateTime StartOf(MeetingView meeting, DateTime? occurrence) =>
        occurrence is not { } original ? meeting.Start
            : meeting.Changes.FirstOrDefault(c => c.OriginalStart == original)?.NewStart ?? original;

    /// <summary>
    /// The action items of this meeting: captured in its run, written as task lines in its notes, linked from its
    /// agenda or decisions, and, for a single meeting, every item that names the meeting. (Items name a series,
    /// not one of its occurrences, so a series' other items are left to the meetings they belong to.)
    /// </summary>
    internal static IEnumerable<ActionItemView> ItemsOf(
        MeetingView meeting, IReadOnlyList<ActionItemView> items, IReadOnlyList<AgendaItemView> agenda,
        IReadOnlyList<DecisionView> decisions, Guid? notesDocumentId, IReadOnlySet<Guid> captured)
    {
        var linked = agenda.Select(a => a.Link).OfType<MeetingLink>().Concat(decisions.SelectMany(d => d.Links))
            .Where(l => l.Kind == MeetingLinkKind.ActionItem).Select(l => l.Id).ToHashSet();
        return items.Where(i => linked.Contains(i.Id) || captured.Contains(i.Id)
                || (notesDocumentId is not null && i.DocumentId == notesDocumentId)
                || (meeting.Recurrence == MeetingRecurrence.None && i.MeetingId == meeting.Id))
            .OrderBy(i => i.Number);
    }
}
