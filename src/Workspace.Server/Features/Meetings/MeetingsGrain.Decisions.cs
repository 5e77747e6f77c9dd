using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.Meetings;

public sealed partial class MeetingsGrain
{
    public async Task<IReadOnlyList<DecisionView>> GetDecisionsAsync(Guid? meetingId)
    {
        await FollowClausesAsync();
        return _decisions.Values.Where(d => meetingId is null || d.MeetingId == meetingId)
            .OrderByDescending(d => d.CreatedAt).Select(DecisionViewOf).ToList();
    }

    public Task<Outcome<DecisionView>> DecideAsync(Actor actor, Guid meetingId, DecisionInput input) =>
        RecordDecisionAsync(actor, meetingId, input, agendaItemId: null);

    public Task<Outcome<DecisionView>> DecideOnceAsync(Actor actor, Guid decisionId, Guid meetingId,
        DecisionInput input) => _decisions.TryGetValue(decisionId, out var made)
            ? Task.FromResult(Outcome<DecisionView>.Ok(DecisionViewOf(made)))
            : RecordDecisionAsync(actor, meetingId, input, agendaItemId: null, decisionId);

    /// <summary>A new decision; <paramref name="agendaItemId"/> is the item it was captured under in a run.</summary>
    private async Task<Outcome<DecisionView>> RecordDecisionAsync(Actor actor, Guid meetingId, DecisionInput input,
        Guid? agendaItemId, Guid? decisionId = null)
    {
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            return Outcome<DecisionView>.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist.");
        }
        var invalid = ValidateOccurrence(meeting, input.Occurrence)
            ?? await ValidateWordingAsync(input.Text, input.Why, input.PartyIds, input.Links);
        var (clauseInvalid, clause) = invalid is null ? await ClauseOfAsync(input.Clause) : (null, null);
        invalid ??= clauseInvalid;
        if (invalid is not null)
        {
            return Outcome<DecisionView>.Invalid(invalid);
        }
        Decision? superseded = null;
        if (input.SupersedesId is { } oldId)
        {
            if (!_decisions.TryGetValue(oldId, out superseded))
            {
                return Outcome<DecisionView>.Invalid("supersedesId", ErrorCodes.UnknownDecision,
                    "That decision does not exist.");
            }
            if (superseded.SupersededById is not null)
            {
                return Outcome<DecisionView>.Invalid("supersedesId", ErrorCodes.DecisionSuperseded,
                    "That decision is already superseded.");
            }
        }
        var now = clock.GetUtcNow();
        var decision = new Decision
        {
            Id = decisionId ?? Guid.NewGuid(), PartnershipId = PartnershipId, MeetingId = meetingId,
            Occurrence = input.Occurrence,
            Revision = 1, SupersedesId = superseded?.Id, CreatedByUserId = actor.UserId, CreatedAt = now,
                UpdatedAt = now, AgendaItemId = agendaItemId, ClauseLink = clause,
        };
        Word(decision, input.Text, input.Why, input.PartyIds, input.Links);
        var revision = RevisionOf(decision, actor, "", now);
        var replaced = superseded is null ? null : Copied(superseded, d => d.SupersededById = decision.Id);
        await feed.SaveAsync(PartnershipId, db =>
        {
            db.Add(decision);
            db.Add(revision);
            if (replaced is not null) { db.Update(replaced); }
        }, actor, "decision.recorded", $"recorded the decision “{decision.Text}”", new { text = decision.Text });
        _decisions[decision.Id] = decision;
        RevisionsOf(decision.Id).Add(revision);
        if (replaced is not null)
        {
            _decisions[replaced.Id] = replaced;
            await feed.PublishAsync(PartnershipId, "decision.updated", DecisionViewOf(replaced));
        }
        return await PublishDecisionAsync(decision);
    }

    /// <summary>A decision is never edited silently: each change is a new revision with who and why.</summary>
    public async Task<Outcome<DecisionView>> ReviseDecisionAsync(Actor actor, Guid decisionId,
        DecisionRevisionInput input)
    {
        // The link as the form showed it (followed on read) is compared with the link followed to now, not as stored.
        await FollowClausesAsync();
        if (!_decisions.TryGetValue(decisionId, out var current))
        {
            return Outcome<DecisionView>.NotFound(ErrorCodes.UnknownDecision, "This decision does not exist.");
        }
        if (current.Revision != input.Revision)
        {
            return Outcome<DecisionView>.Conflict(DecisionViewOf(current),
                RevisionsOf(decisionId).Last().ChangedByName);
        }
        var reason = input.Reason?.Trim() ?? "";
        var invalid = (reason.Length is 0 or > MeetingLimits.ReasonMax
                ? Problems.Length("reason", reason, MeetingLimits.ReasonMax,
                    "Say why the decision changes (1 to 1000 characters).") : null)
            ?? (current.SupersededById is not null ? new FieldError("revision", ErrorCodes.DecisionSuperseded,
                "A superseded decision is not changed; record a new one.", null) : null)
            ?? await ValidateWordingAsync(input.Text, input.Why, input.PartyIds, input.Links);
        var (clauseInvalid, clause) = invalid is null ? await RevisedClauseAsync(input.Clause, current) : (null, null);
        invalid ??= clauseInvalid;
        if (invalid is not null)
        {
            return Outcome<DecisionView>.Invalid(invalid);
        }
        var now = clock.GetUtcNow();
        var updated = Copied(current, d =>
        {
            Word(d, input.Text, input.Why, input.PartyIds, input.Links);
            d.ClauseLink = clause;
            d.Revision++;
        });
        var revision = RevisionOf(updated, actor, reason, now);
        await feed.SaveAsync(PartnershipId, db =>
        {
            db.Update(updated);
            db.Add(revision);
        }, actor, "decision.revised", $"revised the decision “{updated.Text}”: {reason}", new { text = updated.Text,
            reason });
        _decisions[decisionId] = updated;
        RevisionsOf(decisionId).Add(revision);
        return await PublishDecisionAsync(updated);
    }

    private async Task<FieldError?> ValidateWordingAsync(
        string? text, string? why, IReadOnlyList<Guid>? partyIds, IReadOnlyList<MeetingLink>? links)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MeetingLimits.DecisionTextMax)
        {
            return Problems.Length("text", trimmed, MeetingLimits.DecisionTextMax,
                "A decision needs 1 to 2000 characters.");
        }
        if ((why?.Length ?? 0) > MeetingLimits.DecisionWhyMax)
        {
            return new FieldError("why", ErrorCodes.TooLong, "The reason is limited to 4000 characters.",
                Problems.Args(("max", MeetingLimits.DecisionWhyMax)));
        }
        var parties = (await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync())?.Parties ?? [];
        if ((partyIds ?? []).Any(p => parties.All(x => x.Id != p)))
        {
            return new FieldError("partyIds", ErrorCodes.UnknownParty,
                "Every agreeing party must be of this partnership.", null);
        }
        return await ValidateLinksAsync(links ?? [], "links");
    }

    private async Task<Outcome<DecisionView>> PublishDecisionAsync(Decision decision)
    {
        var view = DecisionViewOf(decision);
        await feed.PublishAsync(PartnershipId, "decision.updated", view);
        return Outcome<DecisionView>.Ok(view);
    }

    private static void Word(Decision d, string text, string? why, IReadOnlyList<Guid>? partyIds,
        IReadOnlyList<MeetingLink>? links)
    {
        d.Text = text.Trim();
        d.Why = why?.Trim() ?? "";
        d.PartyIds = string.Join(' ', (partyIds ?? []).Distinct());
        d.Links = string.Join(' ', (links ?? []).Distinct().Select(l => $"{l.Kind}:{l.Id}"));
    }

    private DecisionRevision RevisionOf(Decision d, Actor actor, string reason, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), PartnershipId = PartnershipId, DecisionId = d.Id, Revision = d.Revision, Text = d.Text,
        Why = d.Why, PartyIds = d.PartyIds, Links = d.Links, ChangedByUserId = actor.UserId,
        ChangedByName = actor.DisplayName, Reason = reason, At = at,
    };

    private static Decision Copied(Decision d, Action<Decision> change)
    {
        var copy = new Decision
        {
            Id = d.Id, PartnershipId = d.PartnershipId, MeetingId = d.MeetingId, Occurrence = d.Occurrence,
                Text = d.Text,
            Why = d.Why, PartyIds = d.PartyIds, Links = d.Links, Revision = d.Revision, SupersedesId = d.SupersedesId,
            SupersededById = d.SupersededById, CreatedByUserId = d.CreatedByUserId, CreatedAt = d.CreatedAt,
                UpdatedAt = d.UpdatedAt, AgendaItemId = d.AgendaItemId, ClauseLink = d.ClauseLink,
        };
        change(copy);
        return copy;
    }

    private DecisionView DecisionViewOf(Decision d) => new(
        d.Id, d.MeetingId, d.Occurrence, d.Text, d.Why, ParseParties(d.PartyIds), ParseLinks(d.Links), d.Revision,
        d.SupersedesId, d.SupersededById, d.CreatedAt,
        RevisionsOf(d.Id).OrderBy(r => r.Revision).Select(r => new DecisionRevisionView(r.Revision, r.Text, r.Why,
            ParseParties(r.PartyIds), ParseLinks(r.Links), r.ChangedByName, r.Reason, r.At)).ToList(),
        d.AgendaItemId, ClauseLinkState.Read(d.ClauseLink)?.View);

    private static IReadOnlyList<Guid> ParseParties(string joined) =>
        joined.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    private static IReadOnlyList<MeetingLink> ParseLinks(string joined) =>
        joined.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':'))
            .Select(p => new MeetingLink(Enum.Parse<MeetingLinkKind>(p[0]), Guid.Parse(p[1]))).ToList();
}
