using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Disputes;

/// <summary>
/// One thing a resolution makes in another feature (an action item, a decision), written in the same transaction as
/// the resolution and carried out after it. <see cref="Id"/> is the id the item or decision gets, so a retry after a
/// crash finds what the first attempt made instead of making it again.
/// </summary>
public sealed class DisputeEffect
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid DisputeId { get; set; }
    public Guid ProposalId { get; set; }
    /// <summary>The item's place in the plan; -1 for the decision.</summary>
    public int Index { get; set; }
    /// <summary>Who resolved the dispute: the item or decision is made in their name.</summary>
    public string ActorUserId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public Guid ActorPartyId { get; set; }
    /// <summary>The resolver's language (<c>en</c>, <c>id</c>): the item's note is written in it.</summary>
    public string Language { get; set; } = "en";
    public DateTimeOffset? DoneAt { get; set; }
    public int Attempts { get; set; }
}

internal sealed class DisputeEffectConfiguration : IEntityTypeConfiguration<DisputeEffect>
{
    public void Configure(EntityTypeBuilder<DisputeEffect> e)
    {
        e.HasIndex(x => new { x.PartnershipId, x.DoneAt });
        e.Property(x => x.ActorUserId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Language).HasMaxLength(8).HasDefaultValue("en");
    }
}

/// <summary>
/// Makes a resolution's action item or decision through the features' idempotent commands. A seam of its own so a
/// test can make it fail between making and recording.
/// </summary>
public class DisputeEffects(IGrainFactory grains)
{
    public virtual Task<Outcome<ActionItemView>> CreateItemAsync(Guid partnershipId, Actor actor, Guid itemId,
        ActionItemInput input) => grains.GetGrain<IActionItemsGrain>(partnershipId).CreateOnceAsync(actor, itemId,
            input);

    public virtual Task<Outcome<DecisionView>> DecideAsync(Guid partnershipId, Actor actor, Guid decisionId,
        Guid meetingId, DecisionInput input) => grains.GetGrain<IMeetingsGrain>(partnershipId).DecideOnceAsync(actor,
            decisionId, meetingId, input);
}

/// <summary>
/// After a restart, wakes the disputes of every partnership with resolution effects still undone (a crash came
/// between a resolution and what it makes), without waiting for someone to open them.
/// </summary>
public sealed class PendingResolutionEffects(
    IHostApplicationLifetime lifetime, IDbContextFactory<Data.WorkspaceDb> dbs, IGrainFactory grains,
    ILogger<PendingResolutionEffects> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        try
        {
            await using var db = await dbs.CreateDbContextAsync(stoppingToken);
            var partnerships = await db.Set<DisputeEffect>().AsNoTracking().Where(e => e.DoneAt == null)
                .Select(e => e.PartnershipId).Distinct().ToListAsync(stoppingToken);
            foreach (var partnershipId in partnerships)
            {
                await grains.GetGrain<IDisputesGrain>(partnershipId).CarryOutAsync();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Each dispute grain still carries out its own when it next wakes up.
            log.LogWarning(e, "Undone resolution effects could not be resumed at start");
        }
    }
}
