using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Goals;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Disputes;

/// <summary>Every text is bounded and every id must name something of this partnership, before anything
/// changes.</summary>
public sealed partial class DisputesGrain
{
    public const int MaxEvidence = 20;
    public const int MaxResolutionItems = 20;

    /// <summary>The involved parties (the actor's first), or why they are refused. None named: every party.</summary>
    private static (FieldError? Error, IReadOnlyList<Guid> Parties) ValidateParties(
        DisputeActor who, IReadOnlyList<Guid>? named, IReadOnlyList<PartyView> parties)
    {
        if ((named ?? []).Any(p => parties.All(x => x.Id != p)))
        {
            return (new FieldError("partyIds", ErrorCodes.UnknownParty,
                "Every involved party must be of this partnership.", null), []);
        }
        var others = (named is { Count: > 0 } ? named : parties.Select(p => p.Id))
            .Where(p => p != who.PartyId).Distinct().ToList();
        return others.Count == 0
            ? (new FieldError("partyIds", ErrorCodes.DisputeNeedsOtherParty,
                "A dispute involves at least one other party.", null), [])
            : (null, [who.PartyId, .. others]);
    }

    private static FieldError? ValidateRaise(RaiseDisputeInput input)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            return Problems.Length("title", title, 200, "A dispute needs a title of 1 to 200 characters.");
        }
        if ((input.Description?.Length ?? 0) > 4000)
        {
            return TooLong("description", 4000);
        }
        if (!Enum.IsDefined(input.Category))
        {
            return new FieldError("category", ErrorCodes.UnknownOption, "Choose a category.", null);
        }
        if (!Enum.IsDefined(input.Severity))
        {
            return new FieldError("severity", ErrorCodes.UnknownOption, "Choose a severity.", null);
        }
        if (input.Clause is { } clause && (clause.Clause?.Trim() ?? "") is { Length: 0 or > 100 } text)
        {
            return Problems.Length("clause.clause", text, 100, "Name the clause (1 to 100 characters).");
        }
        if (input.Steps is { } steps)
        {
            return input.Clause is null
                ? new FieldError("steps", ErrorCodes.StepsNeedClause, "Steps come with the clause naming them.", null)
                : DisputeSteps.Validate(steps);
        }
        return null;
    }

    /// <summary>Steps given with the clause, else the agreement's (when the lead wired a source), else the
    /// defaults.</summary>
    private async Task<IReadOnlyList<DisputeStep>> StepsForAsync(RaiseDisputeInput input)
    {
        if (input.Steps is { Count: > 0 } given)
        {
            return DisputeSteps.Trimmed(given);
        }
        if (input.Clause is { } clause && await agreementSteps.StepsAsync(PartnershipId, clause) is { } fromAgreement
            && DisputeSteps.Validate(fromAgreement) is null)
        {
            return DisputeSteps.Trimmed(fromAgreement);
        }
        return DisputeSteps.Defaults;
    }

    private async Task<FieldError?> ValidateEvidenceAsync(IReadOnlyList<EvidenceLink> evidence)
    {
        if (evidence.Count > MaxEvidence)
        {
            return new FieldError("evidence", ErrorCodes.TooLong, $"At most {MaxEvidence} pieces of evidence.",
                Problems.Args(("max", MaxEvidence)));
        }
        IReadOnlyList<ActionItemView>? items = null;
        IReadOnlyList<DecisionView>? decisions = null;
        GoalsBoard? board = null;
        foreach (var link in evidence)
        {
            var exists = link?.Kind switch
            {
                EvidenceKind.Document => await DocumentExistsAsync(link.Id),
                EvidenceKind.ActionItem => (items ??= await GrainFactory.GetGrain<IActionItemsGrain>(PartnershipId)
                    .GetAllAsync()).Any(i => i.Id == link.Id),
                EvidenceKind.Decision => (decisions ??= await Meetings().GetDecisionsAsync(null))
                    .Any(d => d.Id == link.Id),
                EvidenceKind.Goal => (board ??= await GrainFactory.GetGrain<IGoalsGrain>(PartnershipId)
                    .GetBoardAsync()).Goals.Any(g => g.Id == link.Id),
                _ => false,
            };
            if (!exists)
            {
                return new FieldError("evidence", ErrorCodes.UnknownLink,
                    "Every piece of evidence must be of this partnership.", Problems.Args(("kind", link?.Kind)));
            }
        }
        return null;
    }

    /// <summary>What a proposal's resolution would create must be creatable now: owners are members, the meeting
    /// is of this partnership.</summary>
    private async Task<FieldError?> ValidateProposalAsync(ProposalInput input)
    {
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > 4000)
        {
            return Problems.Length("text", text, 4000, "A proposal needs 1 to 4000 characters.");
        }
        var items = input.ActionItems ?? [];
        if (items.Count > MaxResolutionItems)
        {
            return new FieldError("actionItems", ErrorCodes.TooLong, "Too many action items.",
                Problems.Args(("max", MaxResolutionItems)));
        }
        var members = (await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync())?.Members ?? [];
        foreach (var item in items)
        {
            var title = item?.Title?.Trim() ?? "";
            if (title.Length is 0 or > 300)
            {
                return Problems.Length("actionItems.title", title, 300, "An action item needs 1 to 300 characters.");
            }
            if (!string.IsNullOrEmpty(item!.OwnerUserId) && members.All(m => m.UserId != item.OwnerUserId))
            {
                return new FieldError("actionItems.ownerUserId", ErrorCodes.NotAMember,
                    "The owner must be a member of this partnership.", null);
            }
            if (item.DueDate is { Year: < 2000 or > 2100 })
            {
                return new FieldError("actionItems.dueDate", ErrorCodes.DateOutOfRange, "A date in 2000–2100.",
                    Problems.Args(("min", "2000-01-01"), ("max", "2100-12-31")));
            }
        }
        return input.Decision is { } decision ? await ValidateDecisionAsync(decision) : null;
    }

    private async Task<FieldError?> ValidateDecisionAsync(ResolutionDecision decision)
    {
        var text = decision.Text?.Trim() ?? "";
        if (text.Length is 0 or > 2000)
        {
            return Problems.Length("decision.text", text, 2000, "A decision needs 1 to 2000 characters.");
        }
        var meeting = await Meetings().GetMeetingAsync(decision.MeetingId);
        if (meeting is null)
        {
            return new FieldError("decision.meetingId", ErrorCodes.UnknownMeeting,
                "The meeting must be one of this partnership's meetings.", null);
        }
        var ok = meeting.Recurrence == MeetingRecurrence.None
            ? decision.Occurrence is null
            : decision.Occurrence is { } o && MeetingCalendar.IsOccurrence(meeting, o);
        return ok ? null : new FieldError("decision.occurrence", ErrorCodes.UnknownOccurrence,
            "Name one occurrence of the series; a single meeting takes none.", null);
    }

    private IMeetingsGrain Meetings() => GrainFactory.GetGrain<IMeetingsGrain>(PartnershipId);

    private async Task<bool> DocumentExistsAsync(Guid documentId)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var partnershipId = PartnershipId;
        return await db.Set<Document>().AnyAsync(d => d.Id == documentId && d.PartnershipId == partnershipId
            && d.DeletedAt == null);
    }

    private static FieldError TooLong(string field, int max) =>
        new(field, ErrorCodes.TooLong, $"At most {max} characters.", Problems.Args(("max", max)));
}
