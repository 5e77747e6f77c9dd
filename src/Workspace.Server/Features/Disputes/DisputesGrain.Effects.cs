using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.Disputes;

/// <summary>
/// A resolution's action items and decision. They are stored as <see cref="DisputeEffect"/> rows in the resolution's
/// own transaction and made afterwards, in turns of their own: a failure is retried (with growing pauses, and again
/// whenever this grain wakes up) until each is made; each is made under its row's id, so a crash after making one
/// and before ticking it off makes it once. One that can no longer be made (an owner left meanwhile) is written into
/// the timeline instead of undoing the agreement.
/// </summary>
public sealed partial class DisputesGrain
{
    private IGrainTimer? _effectsTimer;
    private int _effectsFailures;

    public Task CarryOutAsync() => CarryOutPendingAsync();

    private List<DisputeEffect> EffectsOf(DisputeActor who, Dispute dispute, DisputeProposal proposal,
        string? language)
    {
        var plan = PlanOf(proposal);
        return [.. Enumerable.Range(0, plan.ActionItems.Count).Append(plan.Decision is null ? -2 : -1)
            .Where(i => i != -2).Select(i => new DisputeEffect
            {
                Id = Guid.NewGuid(), PartnershipId = PartnershipId, DisputeId = dispute.Id, ProposalId = proposal.Id,
                Index = i, ActorUserId = who.Actor.UserId, ActorName = who.Actor.DisplayName,
                ActorPartyId = who.PartyId, Language = language == "id" ? "id" : "en",
            })];
    }

    private void CarryOutLater(TimeSpan after)
    {
        _effectsTimer?.Dispose();
        _effectsTimer = this.RegisterGrainTimer(_ => CarryOutPendingAsync(), new GrainTimerCreationOptions
        {
            DueTime = after, Period = Timeout.InfiniteTimeSpan, Interleave = false,
        });
    }

    private async Task CarryOutPendingAsync()
    {
        List<DisputeEffect> pending;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var id = PartnershipId;
            pending = await db.Set<DisputeEffect>().AsNoTracking()
                .Where(e => e.PartnershipId == id && e.DoneAt == null).ToListAsync();
        }
        foreach (var effect in pending.OrderBy(e => e.DisputeId).ThenBy(e => e.Index < 0).ThenBy(e => e.Index))
        {
            try
            {
                await CarryOutAsync(effect);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _effectsFailures++;
                log.LogWarning(e, "Resolution effect {EffectId} of dispute {DisputeId} failed; retried",
                    effect.Id, effect.DisputeId);
                CarryOutLater(TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(_effectsFailures, 6)))));
                return;
            }
        }
        _effectsFailures = 0;
    }

    private async Task CarryOutAsync(DisputeEffect effect)
    {
        var state = _disputes[effect.DisputeId];
        var proposal = state.Proposals.Single(p => p.Id == effect.ProposalId);
        var plan = PlanOf(proposal);
        var actor = new Actor(effect.ActorUserId, effect.ActorName, "");
        var who = new DisputeActor(actor, effect.ActorPartyId, PartnershipRole.Editor);
        await FollowClauseAsync(state); // linked by its number now, so that number must be today's
        var clause = ClauseLinkState.Read(state.Dispute.ClauseLink) is { Deleted: false } l
            ? new ClauseLinkInput(l.Ref.AgreementId, l.Ref.Number) : null;
        DisputeEvent done;
        if (effect.Index >= 0)
        {
            var item = plan.ActionItems[effect.Index];
            var note = (effect.Language == "id" ? "Penyelesaian sengketa" : "Resolution of dispute")
                + $" D{state.Dispute.Number} “{state.Dispute.Title}”: "
                + $"/p/{PartnershipId}/disputes/{state.Dispute.Id}";
            var created = await effects.CreateItemAsync(PartnershipId, actor, effect.Id, new ActionItemInput(
                item.Title, note, item.OwnerUserId, item.DueDate, ActionStatus.Open, null, null, null, 0, clause));
            done = Event(state, who, created.Value is null ? "itemFailed" : "itemCreated", new()
            {
                ["title"] = item.Title, ["item"] = created.Value?.Number.ToString(CultureInfo.InvariantCulture) ?? "",
                ["itemId"] = created.Value?.Id.ToString() ?? "",
            });
        }
        else
        {
            var d = plan.Decision!;
            var decided = await effects.DecideAsync(PartnershipId, actor, effect.Id, d.MeetingId, new DecisionInput(
                d.Occurrence, d.Text, Cut(proposal.Text, 4000), state.PartyIds, EvidenceAsLinks(state), null,
                clause));
            done = Event(state, who, decided.Value is null ? "decisionFailed" : "decisionRecorded", new()
            {
                ["text"] = d.Text, ["decisionId"] = decided.Value?.Id.ToString() ?? "",
                ["meetingId"] = d.MeetingId.ToString(),
            });
        }
        await using (var db = await dbs.CreateDbContextAsync())
        {
            db.Attach(effect);
            effect.DoneAt = clock.GetUtcNow();
            effect.Attempts++;
            db.Add(done);
            await db.SaveChangesAsync();
        }
        state.Events.Add(done);
        await PublishAsync(state);
    }

    /// <summary>The evidence a decision can link to (its links take goals, KPIs, items and documents).</summary>
    private static IReadOnlyList<MeetingLink> EvidenceAsLinks(DisputeState state) => EvidenceOf(state.Dispute)
        .Select(e => e.Kind switch
        {
            EvidenceKind.Document => new MeetingLink(MeetingLinkKind.Document, e.Id),
            EvidenceKind.ActionItem => new MeetingLink(MeetingLinkKind.ActionItem, e.Id),
            EvidenceKind.Goal => new MeetingLink(MeetingLinkKind.Goal, e.Id),
            _ => null,
        }).OfType<MeetingLink>().ToList();
}
