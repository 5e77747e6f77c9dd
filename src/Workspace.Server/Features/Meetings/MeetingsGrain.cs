using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Meetings;

public interface IMeetingsGrain : IGrainWithGuidKey
{
    Task<IReadOnlyList<MeetingView>> GetMeetingsAsync();
    Task<MeetingView?> GetMeetingAsync(Guid meetingId);
    Task<Outcome<MeetingView>> ScheduleAsync(Actor actor, MeetingInput input);
    Task<Outcome<MeetingView>> UpdateAsync(Actor actor, PartnershipRole role, Guid meetingId, MeetingInput input);
    Task<Outcome<MeetingView>> CancelAsync(Actor actor, PartnershipRole role, Guid meetingId);
    Task<Outcome<MeetingView>> MoveOccurrenceAsync(
        Actor actor, PartnershipRole role, Guid meetingId, DateTime occurrence, DateTime newStart);
    Task<Outcome<MeetingView>> CancelOccurrenceAsync(Actor actor, PartnershipRole role, Guid meetingId,
        DateTime occurrence);

    Task<Outcome<IReadOnlyList<AgendaItemView>>> GetAgendaAsync(Guid meetingId, DateTime? occurrence);
    Task<Outcome<AgendaItemView>> AddAgendaItemAsync(Actor actor, Guid meetingId, AgendaItemInput input);
    Task<Outcome<AgendaOrderView>> GetAgendaOrderAsync(Guid meetingId, DateTime? occurrence);
    Task<Outcome<AgendaOrderView>> ReorderAgendaAsync(Actor actor, Guid meetingId, AgendaOrderInput input);
    Task<Outcome<CarryOverView>> GetCarryOverAsync(Guid meetingId, DateTime? occurrence);
    Task<Outcome<IReadOnlyList<DecisionView>>> SearchDecisionsAsync(DecisionLogQuery query);
    Task<DecisionView?> GetDecisionAsync(Guid decisionId);
    Task<MeetingTilesView> GetTilesAsync();
    Task<Outcome<AgendaItemView>> RemoveAgendaItemAsync(Actor actor, PartnershipRole role, Guid meetingId, Guid itemId);

    Task<IReadOnlyList<DecisionView>> GetDecisionsAsync(Guid? meetingId);
    Task<Outcome<DecisionView>> DecideAsync(Actor actor, Guid meetingId, DecisionInput input);
    /// <summary>Records the decision with the id <paramref name="decisionId"/> unless it exists: a retried command
    /// of another feature records its decision once.</summary>
    Task<Outcome<DecisionView>> DecideOnceAsync(Actor actor, Guid decisionId, Guid meetingId, DecisionInput input);
    Task<Outcome<DecisionView>> ReviseDecisionAsync(Actor actor, Guid decisionId, DecisionRevisionInput input);
}

/// <summary>The single authority for one partnership's meetings, agendas and decisions (keyed by partnership
/// id).</summary>
public sealed partial class MeetingsGrain(
    IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, TimeProvider clock)
    : Grain, IMeetingsGrain
{
    private readonly Dictionary<Guid, Meeting> _meetings = [];
    private readonly Dictionary<Guid, List<MeetingOccurrenceChange>> _changes = [];
    private readonly Dictionary<Guid, AgendaItem> _agenda = [];
    private readonly Dictionary<Guid, Decision> _decisions = [];
    private readonly Dictionary<Guid, List<DecisionRevision>> _revisions = [];

    private Guid PartnershipId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var id = PartnershipId;
        foreach (var m in await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.PartnershipId == id).ToListAsync(cancellationToken))
        {
            _meetings[m.Id] = m;
        }
        foreach (var c in await db.Set<MeetingOccurrenceChange>().AsNoTracking()
            .Where(c => c.PartnershipId == id).ToListAsync(cancellationToken))
        {
            ChangesOf(c.MeetingId).Add(c);
        }
        foreach (var a in await db.Set<AgendaItem>().AsNoTracking()
            .Where(a => a.PartnershipId == id && a.DeletedAt == null).ToListAsync(cancellationToken))
        {
            _agenda[a.Id] = a;
        }
        foreach (var d in await db.Set<Decision>().AsNoTracking()
            .Where(d => d.PartnershipId == id).ToListAsync(cancellationToken))
        {
            _decisions[d.Id] = d;
        }
        foreach (var r in await db.Set<DecisionRevision>().AsNoTracking()
            .Where(r => r.PartnershipId == id).ToListAsync(cancellationToken))
        {
            RevisionsOf(r.DecisionId).Add(r);
        }
        await LoadAgendaOrdersAsync(db, cancellationToken);
    }

    public Task<IReadOnlyList<MeetingView>> GetMeetingsAsync() =>
        Task.FromResult<IReadOnlyList<MeetingView>>(_meetings.Values.OrderBy(m => m.StartLocal).Select(View).ToList());

    public Task<MeetingView?> GetMeetingAsync(Guid meetingId) =>
        Task.FromResult(_meetings.TryGetValue(meetingId, out var m) ? View(m) : null);

    public async Task<Outcome<MeetingView>> ScheduleAsync(Actor actor, MeetingInput input)
    {
        var members = await MembersAsync();
        if ((ValidateMeeting(input, members) ?? await ValidateKpisAsync(input)) is { } invalid)
        {
            return Outcome<MeetingView>.Invalid(invalid);
        }
        var now = clock.GetUtcNow();
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, CreatedByUserId = actor.UserId, CreatedAt = now,
            Version = 1, Sequence = 0, UpdatedByName = actor.DisplayName,
        };
        Apply(meeting, input, now);
        await feed.SaveAsync(PartnershipId, db => db.Add(meeting), actor, "meeting.scheduled",
            $"scheduled the meeting “{meeting.Title}”", new { title = meeting.Title });
        _meetings[meeting.Id] = meeting;
        return await PublishAsync(meeting);
    }

    public async Task<Outcome<MeetingView>> UpdateAsync(Actor actor, PartnershipRole role, Guid meetingId,
        MeetingInput input)
    {
        if (Manageable(actor, role, meetingId) is { } refused)
        {
            return refused;
        }
        var current = _meetings[meetingId];
        if (current.Version != input.Version)
        {
            return Outcome<MeetingView>.Conflict(View(current), current.UpdatedByName);
        }
        if ((ValidateMeeting(input, await MembersAsync()) ?? await ValidateKpisAsync(input)) is { } invalid)
        {
            return Outcome<MeetingView>.Invalid(invalid);
        }
        return await ChangeAsync(actor, current, "meeting.updated", $"changed the meeting “{input.Title.Trim()}”",
            m => Apply(m, input, clock.GetUtcNow()));
    }

    public Task<Outcome<MeetingView>> CancelAsync(Actor actor, PartnershipRole role, Guid meetingId) =>
        Manageable(actor, role, meetingId) is { } refused
            ? Task.FromResult(refused)
            : ChangeAsync(actor, _meetings[meetingId], "meeting.cancelled",
                $"cancelled the meeting “{_meetings[meetingId].Title}”", m => m.Cancelled = true);

    public Task<Outcome<MeetingView>> MoveOccurrenceAsync(
        Actor actor, PartnershipRole role, Guid meetingId, DateTime occurrence, DateTime newStart)
    {
        if (Manageable(actor, role, meetingId) is { } refused)
        {
            return Task.FromResult(refused);
        }
        var tz = _meetings[meetingId].TimeZone;
        if (newStart.Year is < 2000 or > 2100)
        {
            return Task.FromResult(Outcome<MeetingView>.Invalid("start", ErrorCodes.DateOutOfRange,
                "The start must be between 2000 and 2100.", ("min", "2000-01-01"), ("max", "2100-12-31")));
        }
        if (!MeetingCalendar.IsValidLocal(newStart, tz))
        {
            return Task.FromResult(Outcome<MeetingView>.Invalid("start", ErrorCodes.TimeSkipped,
                "That time does not exist on that day in this time zone."));
        }
        return ChangeOccurrenceAsync(actor, meetingId, occurrence, c => (c.NewStartLocal, c.Cancelled) = (newStart,
            false),
            "meeting.moved", $"moved one meeting of “{_meetings[meetingId].Title}”");
    }

    public Task<Outcome<MeetingView>> CancelOccurrenceAsync(
        Actor actor, PartnershipRole role, Guid meetingId, DateTime occurrence) =>
        Manageable(actor, role, meetingId) is { } refused
            ? Task.FromResult(refused)
            : ChangeOccurrenceAsync(actor, meetingId, occurrence, c => c.Cancelled = true,
                "meeting.cancelled", $"cancelled one meeting of “{_meetings[meetingId].Title}”");

    private async Task<Outcome<MeetingView>> ChangeOccurrenceAsync(
        Actor actor, Guid meetingId, DateTime occurrence, Action<MeetingOccurrenceChange> change, string kind,
            string summary)
    {
        var meeting = _meetings[meetingId];
        if (!MeetingCalendar.IsOccurrence(View(meeting), occurrence))
        {
            return Outcome<MeetingView>.NotFound(ErrorCodes.UnknownOccurrence,
                "That is not an occurrence of this series.");
        }
        var list = ChangesOf(meetingId);
        var existing = list.FirstOrDefault(c => c.OriginalStartLocal == occurrence);
        var updated = existing is null
            ? new MeetingOccurrenceChange
            {
                Id = Guid.NewGuid(), PartnershipId = PartnershipId, MeetingId = meetingId,
                    OriginalStartLocal = occurrence,
            }
            : new MeetingOccurrenceChange
            {
                Id = existing.Id, PartnershipId = PartnershipId, MeetingId = meetingId, OriginalStartLocal = occurrence,
                NewStartLocal = existing.NewStartLocal, Cancelled = existing.Cancelled, Sequence = existing.Sequence,
            };
        change(updated);
        updated.Sequence = Math.Max(updated.Sequence, meeting.Sequence) + 1;
        await feed.SaveAsync(PartnershipId, db =>
        {
            if (existing is null) { db.Add(updated); } else { db.Update(updated); }
        }, actor, kind, summary, new { title = meeting.Title });
        list.Remove(existing!);
        list.Add(updated);
        return await PublishAsync(meeting);
    }

    /// <summary>The one path for changing a meeting: applied to a copy, SEQUENCE and version raised, saved,
    /// published.</summary>
    private async Task<Outcome<MeetingView>> ChangeAsync(
        Actor actor, Meeting current, string kind, string summary, Action<Meeting> change)
    {
        var updated = Copy(current);
        change(updated);
        updated.Version++;
        updated.Sequence++;
        updated.UpdatedByName = actor.DisplayName;
        updated.UpdatedAt = clock.GetUtcNow();
        await feed.SaveAsync(PartnershipId, db => db.Update(updated), actor, kind, summary,
            new { title = updated.Title });
        _meetings[updated.Id] = updated;
        return await PublishAsync(updated);
    }

    /// <summary>Owners and the meeting's facilitator manage a meeting; null when the actor may.</summary>
    private Outcome<MeetingView>? Manageable(Actor actor, PartnershipRole role, Guid meetingId)
    {
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            return Outcome<MeetingView>.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist.");
        }
        if (role != PartnershipRole.Owner && meeting.FacilitatorUserId != actor.UserId)
        {
            return Outcome<MeetingView>.Forbidden(ErrorCodes.FacilitatorOnly,
                "Only the facilitator or an owner can change this meeting.");
        }
        return meeting.Cancelled
            ? Outcome<MeetingView>.Invalid("meetingId", ErrorCodes.MeetingCancelled, "This meeting is cancelled.")
            : null;
    }

    private async Task<Outcome<MeetingView>> PublishAsync(Meeting meeting)
    {
        var view = View(meeting);
        await feed.PublishAsync(PartnershipId, "meeting.updated", view);
        return Outcome<MeetingView>.Ok(view);
    }

    private async Task<IReadOnlyList<MemberView>> MembersAsync() =>
        (await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync())?.Members ?? [];

    private List<MeetingOccurrenceChange> ChangesOf(Guid meetingId) =>
        _changes.TryGetValue(meetingId, out var list) ? list : _changes[meetingId] = [];

    private List<DecisionRevision> RevisionsOf(Guid decisionId) =>
        _revisions.TryGetValue(decisionId, out var list) ? list : _revisions[decisionId] = [];

    private MeetingView View(Meeting m) => new(
        m.Id, m.Title, m.StartLocal, m.DurationMinutes, m.TimeZone, m.Location, m.FacilitatorUserId,
        Split(m.AttendeeUserIds), m.Recurrence, m.Until, MeetingCalendar.RRuleOf(m.Recurrence, m.Until), m.Sequence,
        m.Cancelled, m.Version, m.UpdatedByName,
        ChangesOf(m.Id).OrderBy(c => c.OriginalStartLocal)
            .Select(c => new OccurrenceChangeView(c.OriginalStartLocal, c.NewStartLocal, c.Cancelled,
                c.Sequence)).ToList(),
        Split(m.KpiIds).Select(Guid.Parse).ToList());

    private static IReadOnlyList<string> Split(string joined) =>
        joined.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void Apply(Meeting m, MeetingInput input, DateTimeOffset now)
    {
        m.Title = input.Title.Trim();
        m.StartLocal = DateTime.SpecifyKind(input.Start, DateTimeKind.Unspecified);
        m.DurationMinutes = input.DurationMinutes;
        m.TimeZone = input.TimeZone;
        m.Location = input.Location?.Trim() ?? "";
        m.FacilitatorUserId = input.FacilitatorUserId;
        m.AttendeeUserIds = string.Join(' ', (input.AttendeeUserIds ?? []).Append(input.FacilitatorUserId).Distinct());
        m.Recurrence = input.Recurrence;
        m.Until = input.Recurrence == MeetingRecurrence.None ? null : input.Until;
        // Left out (null), the series keeps its KPIs: clients that predate them do not clear them on a change.
        m.KpiIds = input.KpiIds is { } kpis ? string.Join(' ', kpis.Distinct()) : m.KpiIds;
        m.UpdatedAt = now;
    }

    private static Meeting Copy(Meeting m) => new()
    {
        Id = m.Id, PartnershipId = m.PartnershipId, Title = m.Title, StartLocal = m.StartLocal,
        DurationMinutes = m.DurationMinutes, TimeZone = m.TimeZone, Location = m.Location,
        FacilitatorUserId = m.FacilitatorUserId, AttendeeUserIds = m.AttendeeUserIds, Recurrence = m.Recurrence,
        Until = m.Until, KpiIds = m.KpiIds, Sequence = m.Sequence, Cancelled = m.Cancelled, Version = m.Version,
        UpdatedByName = m.UpdatedByName, CreatedByUserId = m.CreatedByUserId, CreatedAt = m.CreatedAt,
            UpdatedAt = m.UpdatedAt,
    };
}
