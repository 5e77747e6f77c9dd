using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Meetings;

public sealed partial class MeetingsGrain
{
    public async Task<Outcome<IReadOnlyList<AgendaItemView>>> GetAgendaAsync(Guid meetingId, DateTime? occurrence)
    {
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            return Outcome<IReadOnlyList<AgendaItemView>>.NotFound(ErrorCodes.UnknownMeeting,
                "This meeting does not exist.");
        }
        if (ValidateOccurrence(meeting, occurrence) is { } invalid)
        {
            return Outcome<IReadOnlyList<AgendaItemView>>.Invalid(invalid);
        }
        return Outcome<IReadOnlyList<AgendaItemView>>.Ok(AgendaOf(meetingId, occurrence, await MembersAsync()));
    }

    public async Task<Outcome<AgendaItemView>> AddAgendaItemAsync(Actor actor, Guid meetingId, AgendaItemInput input)
    {
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            return Outcome<AgendaItemView>.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist.");
        }
        var members = await MembersAsync();
        var title = input.Title?.Trim() ?? "";
        FieldError? invalid = ValidateOccurrence(meeting, input.Occurrence)
            ?? (title.Length is 0 or > MeetingLimits.AgendaTitleMax
                ? Problems.Length("title", title, MeetingLimits.AgendaTitleMax,
                    "An agenda item needs 1 to 300 characters.")
                : null)
            ?? (input.Minutes is < 0 or > MeetingLimits.AgendaMinutesMax
                ? new FieldError("minutes", ErrorCodes.OutOfRange, "0 to 480 minutes.",
                    Problems.Args(("min", 0), ("max", MeetingLimits.AgendaMinutesMax))) : null)
            ?? (input.OwnerUserId is { Length: > 0 } owner && members.All(m => m.UserId != owner)
                ? new FieldError("ownerUserId", ErrorCodes.NotAMember, "The owner must be a member.", null) : null)
            ?? (input.Link is { } link ? await ValidateLinksAsync([link], "link") : null);
        if (invalid is not null)
        {
            return Outcome<AgendaItemView>.Invalid(invalid);
        }
        var siblings = AgendaOf(meetingId, input.Occurrence, members);
        var item = new AgendaItem
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, MeetingId = meetingId, Occurrence = input.Occurrence,
            Title = title, OwnerUserId = string.IsNullOrEmpty(input.OwnerUserId) ? null : input.OwnerUserId,
            Minutes = input.Minutes, LinkKind = input.Link?.Kind, LinkId = input.Link?.Id,
            SortOrder = siblings.Count == 0 ? 1 : siblings.Max(s => s.SortOrder) + 1, Version = 1,
            CreatedByUserId = actor.UserId, CreatedAt = clock.GetUtcNow(),
        };
        await SaveAgendaAsync(meetingId, input.Occurrence, actor, db => db.Add(item), "agenda.added",
            $"added “{item.Title}” to the agenda of “{meeting.Title}”",
            new { title = item.Title, meeting = meeting.Title });
        _agenda[item.Id] = item;
        var view = AgendaView(item, members);
        await feed.PublishAsync(PartnershipId, "agenda.updated", view);
        return Outcome<AgendaItemView>.Ok(view);
    }

    public async Task<Outcome<AgendaItemView>> RemoveAgendaItemAsync(
        Actor actor, PartnershipRole role, Guid meetingId, Guid itemId)
    {
        if (!_agenda.TryGetValue(itemId, out var item) || item.MeetingId != meetingId)
        {
            return Outcome<AgendaItemView>.NotFound(ErrorCodes.UnknownAgendaItem, "This agenda item does not exist.");
        }
        var meeting = _meetings[meetingId];
        // Whoever added an item may take it back; otherwise it is the facilitator's or an editor's agenda.
        if (item.CreatedByUserId != actor.UserId && meeting.FacilitatorUserId != actor.UserId
            && role < PartnershipRole.Editor)
        {
            return Outcome<AgendaItemView>.Forbidden(ErrorCodes.RoleTooLow,
                "Only its author, the facilitator or an editor.");
        }
        var removed = Reordered(item, item.SortOrder);
        removed.DeletedAt = clock.GetUtcNow();
        await SaveAgendaAsync(meetingId, item.Occurrence, actor, db => db.Update(removed), "agenda.removed",
            $"removed “{item.Title}” from the agenda of “{meeting.Title}”",
            new { title = item.Title, meeting = meeting.Title });
        _agenda.Remove(itemId);
        var view = AgendaView(removed, await MembersAsync());
        await feed.PublishAsync(PartnershipId, "agenda.removed", view);
        return Outcome<AgendaItemView>.Ok(view);
    }

    private List<AgendaItemView> AgendaOf(Guid meetingId, DateTime? occurrence, IReadOnlyList<MemberView> members) =>
        _agenda.Values.Where(a => a.MeetingId == meetingId && a.Occurrence == occurrence)
            .OrderBy(a => a.SortOrder).Select(a => AgendaView(a, members)).ToList();

    private static AgendaItemView AgendaView(AgendaItem a, IReadOnlyList<MemberView> members) => new(
        a.Id, a.MeetingId, a.Occurrence, a.Title, a.OwnerUserId,
        members.FirstOrDefault(m => m.UserId == a.OwnerUserId)?.DisplayName, a.Minutes,
        a.LinkKind is { } kind && a.LinkId is { } id ? new MeetingLink(kind, id) : null, a.SortOrder, a.Version,
        a.Outcome switch { null => null, AgendaOutcome.Reached => true, _ => false });

    private static AgendaItem Reordered(AgendaItem a, double sortOrder) => new()
    {
        Id = a.Id, PartnershipId = a.PartnershipId, MeetingId = a.MeetingId, Occurrence = a.Occurrence, Title = a.Title,
        OwnerUserId = a.OwnerUserId, Minutes = a.Minutes, LinkKind = a.LinkKind, LinkId = a.LinkId,
            SortOrder = sortOrder,
        Version = a.Version + 1, CreatedByUserId = a.CreatedByUserId, CreatedAt = a.CreatedAt, DeletedAt = a.DeletedAt,
        Outcome = a.Outcome, SecondsSpent = a.SecondsSpent,
    };
}
