using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

/// <summary>Each occurrence's agenda order carries a version (see <see cref="AgendaOrder"/>).</summary>
public sealed partial class MeetingsGrain
{
    private readonly Dictionary<(Guid MeetingId, DateTime? Occurrence), AgendaOrder> _orders = [];

    public async Task<Outcome<AgendaOrderView>> GetAgendaOrderAsync(Guid meetingId, DateTime? occurrence)
    {
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            return Outcome<AgendaOrderView>.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist.");
        }
        return ValidateOccurrence(meeting, occurrence) is { } invalid
            ? Outcome<AgendaOrderView>.Invalid(invalid)
            : Outcome<AgendaOrderView>.Ok(OrderView(meetingId, occurrence, await MembersAsync()));
    }

    public async Task<Outcome<AgendaOrderView>> ReorderAgendaAsync(Actor actor, Guid meetingId, AgendaOrderInput input)
    {
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            return Outcome<AgendaOrderView>.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist.");
        }
        var members = await MembersAsync();
        if (ValidateOccurrence(meeting, input.Occurrence) is { } invalid)
        {
            return Outcome<AgendaOrderView>.Invalid(invalid);
        }
        var current = _orders.GetValueOrDefault((meetingId, input.Occurrence));
        if ((current?.Version ?? 0) != input.Version)
        {
            return Outcome<AgendaOrderView>.Conflict(OrderView(meetingId, input.Occurrence, members),
                current?.UpdatedByName);
        }
        var present = AgendaOf(meetingId, input.Occurrence, members).Select(a => a.Id).ToHashSet();
        var ids = input.ItemIds ?? [];
        if (ids.Count != present.Count || ids.Distinct().Count() != ids.Count || !ids.All(present.Contains))
        {
            return Outcome<AgendaOrderView>.Invalid("itemIds", ErrorCodes.AgendaOrderMismatch,
                "Send every item of this agenda exactly once.");
        }
        var reordered = ids.Select((id, index) => Reordered(_agenda[id], index + 1)).ToList();
        await SaveAgendaAsync(meetingId, input.Occurrence, actor, db => db.UpdateRange(reordered),
            "agenda.reordered", $"reordered the agenda of “{meeting.Title}”", new { meeting = meeting.Title });
        reordered.ForEach(a => _agenda[a.Id] = a);
        var view = OrderView(meetingId, input.Occurrence, members);
        await feed.PublishAsync(PartnershipId, "agenda.reordered", view);
        return Outcome<AgendaOrderView>.Ok(view);
    }

    private AgendaOrderView OrderView(Guid meetingId, DateTime? occurrence,
        IReadOnlyList<MemberView> members) =>
        new(meetingId, occurrence, _orders.GetValueOrDefault((meetingId, occurrence))?.Version ?? 0,
            AgendaOf(meetingId, occurrence, members));

    /// <summary>The order's next version (a new row the first time); stored with the change that raises it.</summary>
    /// <summary>
    /// Saves a change of an occurrence's agenda with its activity entry and the order's next version, in one
    /// transaction; then that version is the current one.
    /// </summary>
    private async Task SaveAgendaAsync(Guid meetingId, DateTime? occurrence, Actor actor, Action<WorkspaceDb> change,
        string kind, string summary, object args)
    {
        var order = NextOrder(meetingId, occurrence, actor);
        await feed.SaveAsync(PartnershipId, db =>
        {
            change(db);
            TrackOrder(db, order);
        }, actor, kind, summary, args);
        _orders[(meetingId, occurrence)] = order;
    }

    private AgendaOrder NextOrder(Guid meetingId, DateTime? occurrence, Actor actor)
    {
        var current = _orders.GetValueOrDefault((meetingId, occurrence));
        return new AgendaOrder
        {
            Id = current?.Id ?? Guid.Empty, PartnershipId = PartnershipId, MeetingId = meetingId,
            Occurrence = occurrence, Version = (current?.Version ?? 0) + 1, UpdatedByName = actor.DisplayName,
        };
    }

    private static void TrackOrder(WorkspaceDb db, AgendaOrder order)
    {
        if (order.Id == Guid.Empty)
        {
            order.Id = Guid.NewGuid();
            db.Add(order);
        }
        else
        {
            db.Update(order);
        }
    }

    private async Task LoadAgendaOrdersAsync(WorkspaceDb db, CancellationToken cancellationToken)
    {
        var id = PartnershipId;
        foreach (var o in await db.Set<AgendaOrder>().AsNoTracking()
            .Where(o => o.PartnershipId == id).ToListAsync(cancellationToken))
        {
            _orders[(o.MeetingId, o.Occurrence)] = o;
        }
    }
}
