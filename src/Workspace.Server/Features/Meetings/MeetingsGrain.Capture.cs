using Workspace.Server.Features.ActionItems;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// Capture while a meeting runs: a decision (the ordinary decision, linked to the meeting and the current agenda item)
/// or an action item (an ordinary action item that remembers its meeting), pushed with the run to every screen.
/// </summary>
public sealed partial class MeetingsGrain
{
    public async Task<Outcome<RunView>> CaptureDecisionAsync(Actor actor, Guid meetingId, CaptureDecisionInput input)
    {
        var (at, refused) = await RunningAsync(meetingId, input.Occurrence);
        if (refused is not null)
        {
            return refused;
        }
        var decided = await RecordDecisionAsync(actor, meetingId,
            new DecisionInput(input.Occurrence, input.Text, input.Why, await AgreeingPartiesAsync(at!.Run), null, null,
                input.Clause),
            at.Run.CurrentItemId);
        return decided.Kind == OutcomeKind.Ok ? await PublishRunAsync(at.Meeting, at.Run) : Relay(decided);
    }

    public async Task<Outcome<RunView>> CaptureActionAsync(Actor actor, Guid meetingId, CaptureActionInput input)
    {
        var (at, refused) = await RunningAsync(meetingId, input.Occurrence);
        if (refused is not null)
        {
            return refused;
        }
        var item = new ActionItemInput(input.Title, "", input.OwnerUserId, input.DueDate, ActionStatus.Open, null,
            meetingId, null, 0, input.Clause);
        Outcome<ActionItemView> created;
        // The action-item grain asks this grain whether the meeting exists while this call waits for it.
        using (RequestContext.AllowCallChainReentrancy())
        {
            created = await GrainFactory.GetGrain<IActionItemsGrain>(PartnershipId).CreateAsync(actor, item);
        }
        if (created.Kind != OutcomeKind.Ok)
        {
            return Relay(created);
        }
        var capture = new MeetingCapture
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, RunId = at!.Run.Id, AgendaItemId = at.Run.CurrentItemId,
            ActionItemId = created.Value!.Id, At = clock.GetUtcNow(),
        };
        await using (var db = await dbs.CreateDbContextAsync())
        {
            db.Add(capture);
            await db.SaveChangesAsync();
        }
        _captures.Add(capture);
        return await PublishRunAsync(at.Meeting, at.Run);
    }

    /// <summary>The run when it is running (captures need a current agenda item).</summary>
    private async Task<(RunAt? At, Outcome<RunView>? Refused)> RunningAsync(Guid meetingId, DateTime? occurrence)
    {
        var (at, refused) = await RunOfAsync(meetingId, occurrence);
        return refused is not null ? (null, refused)
            : StateOf(at!.Run) != RunState.Running ? (null, StateRefusal(at.Run))
            : (at, null);
    }

    /// <summary>The parties of the people marked present; every party when nobody has been marked.</summary>
    private async Task<IReadOnlyList<Guid>> AgreeingPartiesAsync(MeetingRun run)
    {
        var partnership = await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync();
        var present = Split(run.Present).ToHashSet();
        var parties = (partnership?.Members ?? []).Where(m => present.Contains(m.UserId)).Select(m => m.PartyId)
            .Distinct().ToList();
        return parties.Count > 0 ? parties : [.. (partnership?.Parties ?? []).Select(p => p.Id)];
    }

    private static Outcome<RunView> Relay<T>(Outcome<T> refused) => Outcome<RunView>.Refused(refused);

    private async Task<RunView> RunViewOf(Meeting meeting, MeetingRun run)
    {
        var members = await MembersAsync();
        var items = AgendaItemsOf(meeting.Id, run.Occurrence).Select(a => new RunItemView(a.Id, a.Title,
            members.FirstOrDefault(m => m.UserId == a.OwnerUserId)?.DisplayName, a.Minutes, a.SecondsSpent, a.Outcome))
            .ToList();
        var invited = Split(meeting.AttendeeUserIds).ToHashSet();
        var (present, absent) = (Split(run.Present).ToHashSet(), Split(run.Absent).ToHashSet());
        var attendance = members
            .OrderByDescending(m => invited.Contains(m.UserId))
            .ThenBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .Select(m => new AttendanceView(m.UserId, m.DisplayName, m.PartyId, invited.Contains(m.UserId),
                present.Contains(m.UserId) ? true : absent.Contains(m.UserId) ? false : null))
            .ToList();
        var state = StateOf(run);
        return new RunView(meeting.Id, run.Occurrence, state, run.FacilitatorUserId, run.CurrentItemId,
            run.CurrentSince, clock.GetUtcNow(), run.StartedAt, run.EndedAt, items, attendance,
            await CapturesOf(meeting.Id, run), run.Version);
    }

    /// <summary>The decisions of this occurrence and the action items captured in its run, oldest first.</summary>
    private async Task<IReadOnlyList<CaptureView>> CapturesOf(Guid meetingId, MeetingRun run)
    {
        var decisions = _decisions.Values.Where(d => d.MeetingId == meetingId && d.Occurrence == run.Occurrence)
            .Select(d => new CaptureView("decision", d.Id, d.AgendaItemId, d.Text, null, null, null, d.CreatedAt));
        var captured = _captures.Where(c => c.RunId == run.Id).ToList();
        var actions = new List<CaptureView>();
        if (captured.Count > 0)
        {
            var all = (await GrainFactory.GetGrain<IActionItemsGrain>(PartnershipId).GetAllAsync())
                .ToDictionary(i => i.Id);
            // An item deleted from the board since is no longer shown.
            foreach (var c in captured.Where(c => all.ContainsKey(c.ActionItemId)))
            {
                var i = all[c.ActionItemId];
                actions.Add(new CaptureView("action", i.Id, c.AgendaItemId, i.Title, i.Number, i.OwnerName, i.DueDate,
                    c.At));
            }
        }
        return [.. decisions.Concat(actions).OrderBy(c => c.At)];
    }
}
