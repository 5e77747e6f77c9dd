using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ClauseLinks;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Disputes;

public interface IDisputesGrain : IGrainWithGuidKey
{
    Task<IReadOnlyList<DisputeSummary>> GetAllAsync();
    Task<DisputeView?> GetAsync(Guid disputeId);
    /// <summary>The confidential notes of one party: the caller passes the asking member's own party.</summary>
    Task<Outcome<IReadOnlyList<NoteView>>> GetNotesAsync(Guid disputeId, Guid partyId);
    Task<Outcome<DisputeView>> RaiseAsync(DisputeActor who, RaiseDisputeInput input);
    Task<Outcome<DisputeView>> AdvanceAsync(DisputeActor who, Guid disputeId, AdvanceStepInput input);
    Task<Outcome<DisputeView>> PostMessageAsync(DisputeActor who, Guid disputeId, DisputeMessageInput input);
    Task<Outcome<NoteView>> AddNoteAsync(DisputeActor who, Guid disputeId, DisputeNoteInput input);
    Task<Outcome<DisputeView>> ProposeAsync(DisputeActor who, Guid disputeId, ProposalInput input);
    Task<Outcome<DisputeView>> AnswerAsync(DisputeActor who, Guid disputeId, Guid proposalId, AnswerInput input);
    Task<Outcome<DisputeView>> WithdrawAsync(DisputeActor who, Guid disputeId, Guid proposalId);
    /// <summary>Makes what resolutions still owe (their action items and decisions); see
    /// DisputesGrain.Effects.</summary>
    [Orleans.Concurrency.OneWay]
    Task CarryOutAsync();
}

/// <summary>
/// The single authority for one partnership's disputes (keyed by partnership id). Orleans runs one command at a time
/// here, so an acceptance and a withdrawal arriving together have exactly one outcome, and a dispute is resolved
/// once.
/// </summary>
public sealed partial class DisputesGrain(
    IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, DisputePush push, IClauseLinks clauses,
    IDisputeStepsSource agreementSteps, DisputeEffects effects, TimeProvider clock, ILogger<DisputesGrain> log)
    : Grain, IDisputesGrain
{
    private readonly Dictionary<Guid, DisputeState> _disputes = [];

    private Guid PartnershipId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var id = PartnershipId;
        foreach (var d in await db.Set<Dispute>().AsNoTracking().Where(x => x.PartnershipId == id)
            .ToListAsync(cancellationToken))
        {
            _disputes[d.Id] = new DisputeState(d);
        }
        foreach (var e in await db.Set<DisputeEvent>().AsNoTracking().Where(x => x.PartnershipId == id)
            .OrderBy(x => x.Sequence).ToListAsync(cancellationToken))
        {
            _disputes[e.DisputeId].Events.Add(e);
        }
        foreach (var m in await db.Set<DisputeMessage>().AsNoTracking().Where(x => x.PartnershipId == id)
            .ToListAsync(cancellationToken))
        {
            _disputes[m.DisputeId].Messages.Add(m);
        }
        foreach (var n in await db.Set<DisputeNote>().AsNoTracking().Where(x => x.PartnershipId == id)
            .ToListAsync(cancellationToken))
        {
            _disputes[n.DisputeId].Notes.Add(n);
        }
        var proposals = await db.Set<DisputeProposal>().AsNoTracking().Where(x => x.PartnershipId == id)
            .OrderBy(x => x.Number).ToListAsync(cancellationToken);
        foreach (var p in proposals)
        {
            _disputes[p.DisputeId].Proposals.Add(p);
        }
        foreach (var s in _disputes.Values)
        {
            // SQLite cannot order by DateTimeOffset; kept in the order they were written.
            s.Messages.Sort((x, y) => x.At.CompareTo(y.At));
            s.Notes.Sort((x, y) => x.At.CompareTo(y.At));
        }
        var disputeOf = proposals.ToDictionary(p => p.Id, p => p.DisputeId);
        foreach (var a in await db.Set<DisputeAnswer>().AsNoTracking().Where(x => x.PartnershipId == id)
            .ToListAsync(cancellationToken))
        {
            _disputes[disputeOf[a.ProposalId]].Answers.Add(a);
        }
        foreach (var s in _disputes.Values)
        {
            s.Answers.Sort((x, y) => x.At.CompareTo(y.At));
        }
        if (await db.Set<DisputeEffect>().AnyAsync(e => e.PartnershipId == id && e.DoneAt == null,
            cancellationToken))
        {
            CarryOutLater(TimeSpan.Zero); // left undone by a crash or a failure before this activation
        }
    }

    public Task<IReadOnlyList<DisputeSummary>> GetAllAsync() =>
        Task.FromResult<IReadOnlyList<DisputeSummary>>(_disputes.Values
            .OrderBy(s => s.Dispute.Status).ThenByDescending(s => s.Dispute.Number).Select(Summary).ToList());

    public async Task<DisputeView?> GetAsync(Guid disputeId)
    {
        if (!_disputes.TryGetValue(disputeId, out var s))
        {
            return null;
        }
        await FollowClauseAsync(s);
        return View(s);
    }

    public Task<Outcome<IReadOnlyList<NoteView>>> GetNotesAsync(Guid disputeId, Guid partyId) =>
        Task.FromResult(_disputes.TryGetValue(disputeId, out var s)
            ? Outcome<IReadOnlyList<NoteView>>.Ok(s.Notes.Where(n => n.PartyId == partyId).Select(NoteViewOf).ToList())
            : Outcome<IReadOnlyList<NoteView>>.NotFound(ErrorCodes.UnknownDispute, "This dispute does not exist."));

    public async Task<Outcome<DisputeView>> RaiseAsync(DisputeActor who, RaiseDisputeInput input)
    {
        if (Acts(who) is { } refused)
        {
            return refused;
        }
        var partnership = await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync();
        var (invalid, parties) = ValidateParties(who, input.PartyIds, partnership?.Parties ?? []);
        invalid ??= ValidateRaise(input) ?? await ValidateEvidenceAsync(input.Evidence ?? []);
        var clause = invalid is null && input.Clause is { } c
            ? (await clauses.LinkAsync(PartnershipId, new ClauseLinkInput(c.AgreementId, c.Clause.Trim()))).Link
            : null;
        if (invalid is null && input.Clause is not null && clause is null)
        {
            invalid = new FieldError("clause.agreementId", ErrorCodes.UnknownClause,
                "The clause must be a clause of an agreement of this partnership.", null);
        }
        var steps = invalid is null ? await StepsForAsync(input) : null;
        if (invalid is not null || steps is null)
        {
            return Outcome<DisputeView>.Invalid(invalid!);
        }
        var now = clock.GetUtcNow();
        var dispute = new Dispute
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, Number = NextNumber(),
            Title = input.Title.Trim(), Description = input.Description?.Trim() ?? "", Category = input.Category,
            Severity = input.Severity, AgreementId = input.Clause?.AgreementId, PartyIds = string.Join(' ', parties),
            Evidence = string.Join(' ', (input.Evidence ?? []).Distinct().Select(e => $"{e.Kind}:{e.Id}")),
            RaisedByPartyId = who.PartyId, RaisedByUserId = who.Actor.UserId, RaisedByName = who.Actor.DisplayName,
            Steps = DisputeSteps.Serialize(steps), StepStartedAt = now, Status = DisputeStatus.Open, CreatedAt = now,
        };
        Link(dispute, clause);
        var state = new DisputeState(dispute);
        var raised = Event(state, who, "raised", new() { ["title"] = dispute.Title, ["step"] = steps[0].Name });
        var involved = new Notice(PartnershipId, who.Actor,
            (partnership?.Members ?? []).Where(m => state.Involves(m.PartyId)).Select(m => m.UserId).ToList(),
            "dispute.raised", new { number = dispute.Number, title = dispute.Title },
            $"/p/{PartnershipId}/disputes/{dispute.Id}");
        await feed.SaveAsync(PartnershipId, db =>
        {
            db.Add(dispute);
            db.Add(raised);
        }, who.Actor, "dispute.raised", $"raised the dispute D{dispute.Number} “{dispute.Title}”",
            new { number = dispute.Number, title = dispute.Title }, involved);
        _disputes[dispute.Id] = state;
        state.Events.Add(raised);
        return await PublishAsync(state);
    }

    /// <summary>Moves to the next step; the step left is named so that two people moving at once move one
    /// step.</summary>
    public async Task<Outcome<DisputeView>> AdvanceAsync(DisputeActor who, Guid disputeId, AdvanceStepInput input)
    {
        if (Open(who, disputeId, out var state) is { } refused)
        {
            return refused;
        }
        var steps = state.Steps;
        var current = state.Dispute;
        var note = input.Note?.Trim() ?? "";
        var invalid = input.FromStep != current.CurrentStep
                ? new FieldError("fromStep", ErrorCodes.StepChanged, "The dispute is at another step now.",
                    Problems.Args(("step", current.CurrentStep)))
            : current.CurrentStep + 1 >= steps.Count
                ? new FieldError("fromStep", ErrorCodes.LastStep, "This is the last step.", null)
            : note.Length > 1000
                ? new FieldError("note", ErrorCodes.TooLong, "A note is limited to 1000 characters.",
                    Problems.Args(("max", 1000)))
            : null;
        if (invalid is not null)
        {
            return Outcome<DisputeView>.Invalid(invalid);
        }
        var updated = current.Copy();
        updated.CurrentStep++;
        updated.StepStartedAt = clock.GetUtcNow();
        var to = steps[updated.CurrentStep].Name;
        var moved = Event(state, who, "step", new()
        {
            ["from"] = steps[current.CurrentStep].Name, ["to"] = to, ["note"] = note,
            ["index"] = updated.CurrentStep.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await feed.SaveAsync(PartnershipId, db =>
        {
            db.Update(updated);
            db.Add(moved);
        }, who.Actor, "dispute.step", $"moved the dispute D{current.Number} “{current.Title}” to {to}",
            new { number = current.Number, title = current.Title, step = to });
        state.Dispute = updated;
        state.Events.Add(moved);
        return await PublishAsync(state);
    }

    /// <summary>Editors (and owners) act for their own party; null when <paramref name="who"/> may.</summary>
    private static Outcome<DisputeView>? Acts(DisputeActor who) => who.Role < PartnershipRole.Editor
        ? Outcome<DisputeView>.Forbidden(ErrorCodes.RoleTooLow, "Raising, proposing and answering need an editor.")
        : null;

    /// <summary>An open dispute of this partnership that <paramref name="who"/>'s party is involved in.</summary>
    private Outcome<DisputeView>? Open(DisputeActor who, Guid disputeId, out DisputeState state,
        PartnershipRole minimum = PartnershipRole.Editor)
    {
        if (!_disputes.TryGetValue(disputeId, out state!))
        {
            return Outcome<DisputeView>.NotFound(ErrorCodes.UnknownDispute, "This dispute does not exist.");
        }
        if (who.Role < minimum)
        {
            return Outcome<DisputeView>.Forbidden(ErrorCodes.RoleTooLow, $"This needs the {minimum} role.");
        }
        if (!state.Involves(who.PartyId))
        {
            return Outcome<DisputeView>.Forbidden(ErrorCodes.NotInvolved, "Your organisation is not involved.");
        }
        return state.Dispute.Status == DisputeStatus.Resolved
            ? Outcome<DisputeView>.Invalid("disputeId", ErrorCodes.DisputeResolved, "This dispute is resolved.")
            : null;
    }

    private int NextNumber() => _disputes.Count == 0 ? 1 : _disputes.Values.Max(s => s.Dispute.Number) + 1;

    /// <summary>A timeline entry; <paramref name="pending"/> entries of the same command are not in the state
    /// yet.</summary>
    private DisputeEvent Event(DisputeState state, DisputeActor who, string kind, Dictionary<string, string> args,
        int pending = 0) =>
        new()
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, DisputeId = state.Dispute.Id,
            Sequence = state.Events.Count + 1 + pending, Kind = kind, PartyId = who.PartyId,
            ActorName = who.Actor.DisplayName,
            Args = Cut(System.Text.Json.JsonSerializer.Serialize(args), 2000), At = clock.GetUtcNow(),
        };

    private async Task<Outcome<DisputeView>> PublishAsync(DisputeState state)
    {
        var view = View(state);
        await feed.PublishAsync(PartnershipId, "dispute.updated", view);
        return Outcome<DisputeView>.Ok(view);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
