using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// Running one occurrence of a meeting (facilitator mode). Owners and the run's facilitator start it, step through
/// the agenda, take attendance, hand the role over and end it; editors capture (see the Capture part). Every change
/// is pushed to the partnership as <c>meeting.run</c> with the whole run, so every screen follows.
/// </summary>
public interface IMeetingRunGrain : IGrainWithGuidKey
{
    Task<Outcome<RunView>> GetRunAsync(Guid meetingId, DateTime? occurrence);
    Task<Outcome<RunView>> StartRunAsync(Actor actor, PartnershipRole role, Guid meetingId, RunStepInput input);
    /// <summary>Moves to the next (<paramref name="step"/> 1) or previous (-1) agenda item.</summary>
    Task<Outcome<RunView>> StepRunAsync(Actor actor, PartnershipRole role, Guid meetingId, RunStepInput input,
        int step);
    Task<Outcome<RunView>> SetAttendanceAsync(Actor actor, PartnershipRole role, Guid meetingId,
        AttendanceInput input);
    Task<Outcome<RunView>> HandOverAsync(Actor actor, PartnershipRole role, Guid meetingId, HandOverInput input);
    Task<Outcome<RunView>> EndRunAsync(Actor actor, PartnershipRole role, Guid meetingId, EndRunInput input);
    Task<Outcome<RunView>> CaptureDecisionAsync(Actor actor, Guid meetingId, CaptureDecisionInput input);
    Task<Outcome<RunView>> CaptureActionAsync(Actor actor, Guid meetingId, CaptureActionInput input);
}

public sealed partial class MeetingsGrain : IMeetingRunGrain
{
    private readonly Dictionary<(Guid MeetingId, DateTime? Occurrence), MeetingRun> _runs = [];
    private readonly List<MeetingCapture> _captures = [];
    private bool _runsLoaded;

    /// <summary>A meeting and its run for one occurrence (not yet saved when it was never touched).</summary>
    private sealed record RunAt(Meeting Meeting, MeetingRun Run, bool Saved);

    public async Task<Outcome<RunView>> GetRunAsync(Guid meetingId, DateTime? occurrence)
    {
        var (at, refused) = await RunOfAsync(meetingId, occurrence);
        return refused ?? Outcome<RunView>.Ok(await RunViewOf(at!.Meeting, at.Run));
    }

    public async Task<Outcome<RunView>> StartRunAsync(Actor actor, PartnershipRole role, Guid meetingId,
        RunStepInput input)
    {
        var (at, refused) = await ManagedRunAsync(actor, role, meetingId, input.Occurrence, RunState.NotStarted);
        if (refused is not null)
        {
            return refused;
        }
        var agenda = AgendaItemsOf(meetingId, input.Occurrence);
        if (agenda.Count == 0)
        {
            return Outcome<RunView>.Invalid("run", ErrorCodes.AgendaEmpty,
                "Add at least one agenda item before starting the meeting.");
        }
        var now = clock.GetUtcNow();
        var run = CopyRun(at!.Run, r => (r.StartedAt, r.CurrentItemId, r.CurrentSince) = (now, agenda[0].Id, now));
        var first = ChangedItem(agenda[0], a => a.Outcome = AgendaOutcome.Reached);
        var occurrence = input.Occurrence?.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var invited = new Notice(PartnershipId, actor,
            [.. at.Meeting.AttendeeUserIds.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                at.Meeting.FacilitatorUserId], "meeting.started", new { title = at.Meeting.Title },
            $"/p/{PartnershipId}/meetings/{meetingId}/run" + (occurrence is null ? "" : $"?occurrence={occurrence}"));
        return await SaveRunAsync(at with { Run = run }, [first], actor,
            ("meeting.started", $"started the meeting “{at.Meeting.Title}”"), notice: invited);
    }

    public async Task<Outcome<RunView>> StepRunAsync(Actor actor, PartnershipRole role, Guid meetingId,
        RunStepInput input, int step)
    {
        var (at, refused) = await ManagedRunAsync(actor, role, meetingId, input.Occurrence, RunState.Running);
        if (refused is not null)
        {
            return refused;
        }
        var agenda = AgendaItemsOf(meetingId, input.Occurrence);
        var currentItemId = at!.Run.CurrentItemId;
        // A current item removed from the agenda meanwhile counts as "before the first": next goes to the first.
        var index = agenda.FindIndex(a => a.Id == currentItemId);
        var target = index + step;
        if (target < 0 || target >= agenda.Count)
        {
            return step < 0
                ? Outcome<RunView>.Invalid("run", ErrorCodes.NoPreviousItem, "This is the first agenda item.")
                : Outcome<RunView>.Invalid("run", ErrorCodes.NoNextItem, "This is the last agenda item.");
        }
        var now = clock.GetUtcNow();
        var changed = new List<AgendaItem>();
        if (index >= 0)
        {
            var spent = SecondsSince(at.Run, now);
            changed.Add(ChangedItem(agenda[index], a => a.SecondsSpent = Math.Min(a.SecondsSpent + spent, MaxSeconds)));
        }
        changed.Add(ChangedItem(agenda[target], a => a.Outcome = AgendaOutcome.Reached));
        var run = CopyRun(at.Run, r => (r.CurrentItemId, r.CurrentSince) = (agenda[target].Id, now));
        return await SaveRunAsync(at with { Run = run }, changed, actor, activity: null);
    }

    public async Task<Outcome<RunView>> SetAttendanceAsync(Actor actor, PartnershipRole role, Guid meetingId,
        AttendanceInput input)
    {
        var (at, refused) = await ManagedRunAsync(actor, role, meetingId, input.Occurrence);
        if (refused is not null)
        {
            return refused;
        }
        if ((await MembersAsync()).All(m => m.UserId != input.UserId))
        {
            return Outcome<RunView>.Invalid("userId", ErrorCodes.NotAMember,
                "Only members of the partnership are marked present or absent.");
        }
        var present = Split(at!.Run.Present).Where(u => u != input.UserId).ToList();
        var absent = Split(at.Run.Absent).Where(u => u != input.UserId).ToList();
        (input.Present ? present : absent).Add(input.UserId);
        var run = CopyRun(at.Run, r => (r.Present, r.Absent) = (string.Join(' ', present), string.Join(' ', absent)));
        return await SaveRunAsync(at with { Run = run }, [], actor, activity: null);
    }

    public async Task<Outcome<RunView>> HandOverAsync(Actor actor, PartnershipRole role, Guid meetingId,
        HandOverInput input)
    {
        var (at, refused) = await ManagedRunAsync(actor, role, meetingId, input.Occurrence,
            RunState.NotStarted, RunState.Running);
        if (refused is not null)
        {
            return refused;
        }
        var member = (await MembersAsync()).FirstOrDefault(m => m.UserId == input.UserId);
        if (member is null)
        {
            return Outcome<RunView>.Invalid("userId", ErrorCodes.NotAMember, "The new facilitator must be a member.");
        }
        if (!Split(at!.Meeting.AttendeeUserIds).Contains(input.UserId) && !Split(at.Run.Present).Contains(input.UserId))
        {
            return Outcome<RunView>.Invalid("userId", ErrorCodes.NotAnAttendee,
                "The facilitator role goes to an invited or present attendee.");
        }
        var run = CopyRun(at.Run, r => r.FacilitatorUserId = input.UserId);
        return await SaveRunAsync(at with { Run = run }, [], actor, ("meeting.handedOver",
            $"handed the facilitator role of “{at.Meeting.Title}” to {member.DisplayName}"),
            new { title = at.Meeting.Title, name = member.DisplayName });
    }

    public async Task<Outcome<RunView>> EndRunAsync(Actor actor, PartnershipRole role, Guid meetingId,
        EndRunInput input)
    {
        var (at, refused) = await ManagedRunAsync(actor, role, meetingId, input.Occurrence, RunState.Running);
        if (refused is not null)
        {
            return refused;
        }
        var agenda = AgendaItemsOf(meetingId, input.Occurrence);
        var choices = new Dictionary<Guid, bool>();
        foreach (var choice in input.Items ?? [])
        {
            var item = agenda.FirstOrDefault(a => a.Id == choice.AgendaItemId);
            if (item is null)
            {
                return Outcome<RunView>.Invalid("items", ErrorCodes.UnknownAgendaItem,
                    "Every item named must be on this meeting's agenda.");
            }
            if (item.Outcome == AgendaOutcome.Reached)
            {
                return Outcome<RunView>.Invalid("items", ErrorCodes.AgendaItemReached,
                    "Only items the meeting did not reach are carried or dropped.");
            }
            choices[item.Id] = choice.Carry;
        }
        var now = clock.GetUtcNow();
        var spent = SecondsSince(at!.Run, now);
        var changed = agenda
            .Where(a => a.Id == at.Run.CurrentItemId || a.Outcome != AgendaOutcome.Reached)
            .Select(a => ChangedItem(a, c =>
            {
                if (a.Id == at.Run.CurrentItemId)
                {
                    c.SecondsSpent = Math.Min(c.SecondsSpent + spent, MaxSeconds);
                }
                else
                {
                    c.Outcome = choices.GetValueOrDefault(a.Id, true) ? AgendaOutcome.Carry : AgendaOutcome.Dropped;
                }
            })).ToList();
        var run = CopyRun(at.Run, r => (r.EndedAt, r.CurrentItemId, r.CurrentSince) = (now, null, null));
        return await SaveRunAsync(at with { Run = run }, changed, actor,
            ("meeting.ended", $"ended the meeting “{at.Meeting.Title}”"));
    }

    private const int MaxSeconds = 7 * 24 * 3600;

    private static RunState StateOf(MeetingRun run) =>
        run.EndedAt is not null ? RunState.Ended : run.StartedAt is not null ? RunState.Running : RunState.NotStarted;

    private static Outcome<RunView> StateRefusal(MeetingRun run) => StateOf(run) switch
    {
        RunState.NotStarted => Outcome<RunView>.Invalid("run", ErrorCodes.RunNotStarted,
            "The meeting has not started."),
        RunState.Running => Outcome<RunView>.Invalid("run", ErrorCodes.RunAlreadyStarted,
            "The meeting has already started."),
        _ => Outcome<RunView>.Invalid("run", ErrorCodes.RunEnded, "The meeting has ended."),
    };

    private int SecondsSince(MeetingRun run, DateTimeOffset now) =>
        run.CurrentSince is { } since ? (int)Math.Clamp((now - since).TotalSeconds, 0, MaxSeconds) : 0;

    /// <summary>The run of an occurrence of this partnership's meeting, or why there is none (404/400).</summary>
    private async Task<(RunAt? At, Outcome<RunView>? Refused)> RunOfAsync(Guid meetingId, DateTime? occurrence)
    {
        await LoadRunsAsync();
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            return (null, Outcome<RunView>.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist."));
        }
        if (ValidateOccurrence(meeting, occurrence) is { } invalid)
        {
            return (null, Outcome<RunView>.Invalid(invalid));
        }
        return _runs.TryGetValue((meetingId, occurrence), out var run)
            ? (new RunAt(meeting, run, true), null)
            : (new RunAt(meeting, new MeetingRun
            {
                Id = Guid.NewGuid(), PartnershipId = PartnershipId, MeetingId = meetingId, Occurrence = occurrence,
                FacilitatorUserId = meeting.FacilitatorUserId,
            }, false), null);
    }

    /// <summary>
    /// The run, when the actor may manage it: an owner or its current facilitator, of a meeting that is on; and, when
    /// <paramref name="states"/> are named, the run is in one of them.
    /// </summary>
    private async Task<(RunAt? At, Outcome<RunView>? Refused)> ManagedRunAsync(
        Actor actor, PartnershipRole role, Guid meetingId, DateTime? occurrence, params RunState[] states)
    {
        var (at, refused) = await RunOfAsync(meetingId, occurrence);
        if (refused is not null)
        {
            return (null, refused);
        }
        var cancelled = at!.Meeting.Cancelled || ChangesOf(meetingId)
            .Any(c => c.OriginalStartLocal == occurrence && c.Cancelled);
        if (cancelled)
        {
            return (null, Outcome<RunView>.Invalid("occurrence", ErrorCodes.MeetingCancelled,
                "This meeting is cancelled."));
        }
        if (role != PartnershipRole.Owner && at.Run.FacilitatorUserId != actor.UserId)
        {
            return (null, Outcome<RunView>.Forbidden(ErrorCodes.FacilitatorOnly,
                "Only the facilitator or an owner runs the meeting."));
        }
        return states.Length == 0 || states.Contains(StateOf(at.Run)) ? (at, null) : (null, StateRefusal(at.Run));
    }

    /// <summary>Saves the run and the agenda items it changed in one transaction, then pushes the run to everyone.
    /// Steps and attendance leave no activity entry (they would drown the log).</summary>
    private async Task<Outcome<RunView>> SaveRunAsync(RunAt at, IReadOnlyList<AgendaItem> items, Actor actor,
        (string Kind, string Summary)? activity, object? args = null, Notice? notice = null)
    {
        var run = at.Run;
        run.Version++;
        run.UpdatedAt = clock.GetUtcNow();
        void Change(WorkspaceDb db)
        {
            if (at.Saved) { db.Update(run); } else { db.Add(run); }
            db.UpdateRange(items);
        }
        if (activity is { } a)
        {
            await feed.SaveAsync(PartnershipId, Change, actor, a.Kind, a.Summary,
                args ?? new { title = at.Meeting.Title }, notice);
        }
        else
        {
            await using var db = await dbs.CreateDbContextAsync();
            Change(db);
            await db.SaveChangesAsync();
        }
        _runs[(run.MeetingId, run.Occurrence)] = run;
        foreach (var item in items)
        {
            _agenda[item.Id] = item;
        }
        return await PublishRunAsync(at.Meeting, run);
    }

    private async Task<Outcome<RunView>> PublishRunAsync(Meeting meeting, MeetingRun run)
    {
        var view = await RunViewOf(meeting, run);
        await feed.PublishAsync(PartnershipId, "meeting.run", view);
        return Outcome<RunView>.Ok(view);
    }

    private async Task LoadRunsAsync()
    {
        if (_runsLoaded)
        {
            return;
        }
        await using var db = await dbs.CreateDbContextAsync();
        var id = PartnershipId;
        foreach (var r in await db.Set<MeetingRun>().AsNoTracking().Where(r => r.PartnershipId == id).ToListAsync())
        {
            _runs[(r.MeetingId, r.Occurrence)] = r;
        }
        _captures.AddRange(await db.Set<MeetingCapture>().AsNoTracking().Where(c => c.PartnershipId == id)
            .ToListAsync());
        _runsLoaded = true;
    }

    private List<AgendaItem> AgendaItemsOf(Guid meetingId, DateTime? occurrence) =>
        [.. _agenda.Values.Where(a => a.MeetingId == meetingId && a.Occurrence == occurrence)
            .OrderBy(a => a.SortOrder)];

    private static MeetingRun CopyRun(MeetingRun r, Action<MeetingRun> change)
    {
        var copy = new MeetingRun
        {
            Id = r.Id, PartnershipId = r.PartnershipId, MeetingId = r.MeetingId, Occurrence = r.Occurrence,
            FacilitatorUserId = r.FacilitatorUserId, StartedAt = r.StartedAt, EndedAt = r.EndedAt,
            CurrentItemId = r.CurrentItemId, CurrentSince = r.CurrentSince, Present = r.Present, Absent = r.Absent,
            Version = r.Version, UpdatedAt = r.UpdatedAt,
        };
        change(copy);
        return copy;
    }

    private static AgendaItem ChangedItem(AgendaItem a, Action<AgendaItem> change)
    {
        var copy = Reordered(a, a.SortOrder);
        change(copy);
        return copy;
    }
}
