using System.Globalization;
using System.Text.Json;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Disputes;

/// <summary>Proposals, each party's answer, and the resolution once every involved party accepted one.</summary>
public sealed partial class DisputesGrain
{
    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<DisputeView>> ProposeAsync(DisputeActor who, Guid disputeId, ProposalInput input)
    {
        if (Open(who, disputeId, out var state) is { } refused)
        {
            return refused;
        }
        if (await ValidateProposalAsync(input) is { } invalid)
        {
            return Outcome<DisputeView>.Invalid(invalid);
        }
        var plan = new ResolutionPlan(
            (input.ActionItems ?? []).Select(i => new ResolutionItem(i.Title.Trim(),
                string.IsNullOrEmpty(i.OwnerUserId) ? null : i.OwnerUserId, i.DueDate)).ToList(),
            input.Decision is { } d ? d with { Text = d.Text.Trim() } : null);
        var proposal = new DisputeProposal
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, DisputeId = disputeId,
            Number = state.Proposals.Count + 1, PartyId = who.PartyId, ByUserId = who.Actor.UserId,
            ByName = who.Actor.DisplayName, Text = input.Text.Trim(), Plan = JsonSerializer.Serialize(plan, PlanJson),
            Status = ProposalStatus.Open, CreatedAt = clock.GetUtcNow(),
        };
        var proposed = Event(state, who, "proposed", new() { ["proposal"] = Number(proposal) });
        await feed.SaveAsync(PartnershipId, db =>
        {
            db.Add(proposal);
            db.Add(proposed);
        }, who.Actor, "dispute.proposed", $"proposed a resolution of the dispute D{state.Dispute.Number}",
            new { number = state.Dispute.Number, title = state.Dispute.Title, proposal = proposal.Number });
        state.Proposals.Add(proposal);
        state.Events.Add(proposed);
        return await PublishAsync(state);
    }

    /// <summary>
    /// One answer per involved party. A rejection closes the proposal; the acceptance that completes every involved
    /// party's resolves the dispute, in the same turn of this grain, so nothing can slip in between. What the
    /// resolution makes elsewhere is stored with it and made after this turn (see DisputesGrain.Effects).
    /// </summary>
    public async Task<Outcome<DisputeView>> AnswerAsync(DisputeActor who, Guid disputeId, Guid proposalId,
        AnswerInput input)
    {
        if (Open(who, disputeId, out var state) is { } refused)
        {
            return refused;
        }
        if (OpenProposal(who, state, proposalId, out var proposal) is { } closed)
        {
            return closed;
        }
        if (state.AnswersTo(proposalId).Any(a => a.PartyId == who.PartyId))
        {
            return Outcome<DisputeView>.Invalid("proposalId", ErrorCodes.AlreadyAnswered,
                "Your organisation has already answered this proposal.");
        }
        var now = clock.GetUtcNow();
        var answer = new DisputeAnswer
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, ProposalId = proposalId, PartyId = who.PartyId,
            Accepted = input.Accept, ByUserId = who.Actor.UserId, ByName = who.Actor.DisplayName, At = now,
        };
        var accepted = state.AnswersTo(proposalId).Where(a => a.Accepted).Select(a => a.PartyId)
            .Append(who.PartyId).ToHashSet();
        var resolves = input.Accept && state.PartyIds.All(accepted.Contains);
        var updated = proposal.Copy();
        updated.Status = !input.Accept ? ProposalStatus.Rejected : resolves ? ProposalStatus.Accepted : updated.Status;
        var dispute = state.Dispute.Copy();
        if (resolves)
        {
            (dispute.Status, dispute.ResolvedAt, dispute.ResolvedByProposalId) =
                (DisputeStatus.Resolved, now, proposalId);
        }
        var events = new List<DisputeEvent>
        {
            Event(state, who, input.Accept ? "accepted" : "rejected", new() { ["proposal"] = Number(proposal) }),
        };
        if (resolves)
        {
            events.Add(Event(state, who, "resolved", new() { ["proposal"] = Number(proposal) }, pending: 1));
        }
        var effects = resolves ? EffectsOf(who, dispute, updated, input.Language) : [];
        await feed.SaveAsync(PartnershipId, db =>
        {
            db.Add(answer);
            db.Update(updated);
            db.Update(dispute);
            db.AddRange(events);
            db.AddRange(effects);
        }, who.Actor, resolves ? "dispute.resolved" : "dispute.answered",
            resolves ? $"resolved the dispute D{dispute.Number} “{dispute.Title}”"
                : $"{(input.Accept ? "accepted" : "rejected")} proposal {proposal.Number} of D{dispute.Number}",
            new
            {
                number = dispute.Number, title = dispute.Title, proposal = proposal.Number, accepted = input.Accept,
            });
        state.Answers.Add(answer);
        state.Proposals[state.Proposals.IndexOf(proposal)] = updated;
        state.Dispute = dispute;
        state.Events.AddRange(events);
        if (effects.Count > 0)
        {
            CarryOutLater(TimeSpan.Zero);
        }
        return await PublishAsync(state);
    }

    public async Task<Outcome<DisputeView>> WithdrawAsync(DisputeActor who, Guid disputeId, Guid proposalId)
    {
        if (Open(who, disputeId, out var state) is { } refused)
        {
            return refused;
        }
        if (OpenProposal(who, state, proposalId, out var proposal) is { } closed)
        {
            return closed;
        }
        if (proposal.PartyId != who.PartyId)
        {
            return Outcome<DisputeView>.Forbidden(ErrorCodes.NotYourProposal,
                "Only the proposing organisation withdraws a proposal.");
        }
        var updated = proposal.Copy();
        updated.Status = ProposalStatus.Withdrawn;
        var withdrawn = Event(state, who, "withdrawn", new() { ["proposal"] = Number(proposal) });
        await feed.SaveAsync(PartnershipId, db =>
        {
            db.Update(updated);
            db.Add(withdrawn);
        }, who.Actor, "dispute.withdrawn", $"withdrew proposal {proposal.Number} of D{state.Dispute.Number}",
            new { number = state.Dispute.Number, title = state.Dispute.Title, proposal = proposal.Number });
        state.Proposals[state.Proposals.IndexOf(proposal)] = updated;
        state.Events.Add(withdrawn);
        return await PublishAsync(state);
    }

    private static Outcome<DisputeView>? OpenProposal(DisputeActor who, DisputeState state, Guid proposalId,
        out DisputeProposal proposal)
    {
        proposal = state.Proposals.Find(p => p.Id == proposalId)!;
        if (proposal is null)
        {
            return Outcome<DisputeView>.NotFound(ErrorCodes.UnknownProposal, "This proposal does not exist.");
        }
        return proposal.Status == ProposalStatus.Open ? null
            : Outcome<DisputeView>.Invalid("proposalId", ErrorCodes.ProposalClosed, "This proposal is not open.");
    }

    private static ResolutionPlan PlanOf(DisputeProposal p) =>
        JsonSerializer.Deserialize<ResolutionPlan>(p.Plan, PlanJson) ?? new ResolutionPlan([], null);

    private static string Number(DisputeProposal p) => p.Number.ToString(CultureInfo.InvariantCulture);
}
