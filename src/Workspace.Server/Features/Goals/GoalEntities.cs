using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Goals;

public enum GoalStatus { NotStarted, OnTrack, AtRisk, OffTrack, Achieved, Dropped }

public enum KpiDirection { HigherIsBetter, LowerIsBetter }

/// <summary>What the goals grain's one update ritual changes on a goal or a KPI.</summary>
public interface IGoalRecord
{
    int Version { get; set; }
    string UpdatedByName { get; set; }
    DateTimeOffset? DeletedAt { get; set; }
}

public sealed class Goal : IGoalRecord
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Measurable success criteria, one per line.</summary>
    public string SuccessCriteria { get; set; } = "";
    public Guid OwnerPartyId { get; set; }
    public DateOnly? TargetDate { get; set; }
    public GoalStatus Status { get; set; }
    public int Version { get; set; }
    /// <summary>Who made the current version (named to whoever's change then conflicts with it).</summary>
    public string UpdatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class Kpi : IGoalRecord
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid? GoalId { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public KpiDirection Direction { get; set; }
    public double? Baseline { get; set; }
    public double Target { get; set; }
    /// <summary>
    /// Where the planned path starts (at the baseline); null on KPIs made before it existed: then their creation day.
    /// </summary>
    public DateOnly? StartDate { get; set; }
    /// <summary>When the target is due; null: the goal's target date, if any.</summary>
    public DateOnly? TargetDate { get; set; }
    /// <summary>Phased targets between start and target date; the planned path runs through them.</summary>
    public List<KpiMilestone> Milestones { get; set; } = [];
    public Guid OwnerPartyId { get; set; }
    public int Version { get; set; }
    /// <summary>Who made the current version.</summary>
    public string UpdatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>A phased target: the KPI should be at <see cref="Value"/> on <see cref="Date"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record KpiMilestone([property: Id(0)] DateOnly Date, [property: Id(1)] double Value)
{
    public static string ToJson(List<KpiMilestone> milestones) => JsonSerializer.Serialize(milestones);

    public static List<KpiMilestone> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<KpiMilestone>>(json) ?? [];
}

public sealed class KpiMeasurement
{
    public Guid Id { get; set; }
    public Guid KpiId { get; set; }
    public Guid PartnershipId { get; set; }
    public DateOnly Date { get; set; }
    public double Value { get; set; }
    public string Note { get; set; } = "";
    public string EnteredByUserId { get; set; } = "";
    public string EnteredByName { get; set; } = "";
    public DateTimeOffset EnteredAt { get; set; }
}

internal sealed class GoalConfiguration
    : IEntityTypeConfiguration<Goal>, IEntityTypeConfiguration<Kpi>, IEntityTypeConfiguration<KpiMeasurement>
{
    public void Configure(EntityTypeBuilder<Goal> e)
    {
        e.HasIndex(g => g.PartnershipId);
        e.Property(g => g.Title).HasMaxLength(GoalLimits.TitleMax);
        e.Property(g => g.Description).HasMaxLength(GoalLimits.TextMax);
        e.Property(g => g.SuccessCriteria).HasMaxLength(GoalLimits.TextMax);
        e.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(g => g.UpdatedByName).HasMaxLength(GoalLimits.UpdatedByNameMax);
    }

    public void Configure(EntityTypeBuilder<Kpi> e)
    {
        e.HasIndex(k => k.PartnershipId);
        e.Property(k => k.Name).HasMaxLength(GoalLimits.KpiNameMax);
        e.Property(k => k.Unit).HasMaxLength(GoalLimits.UnitMax);
        e.Property(k => k.Direction).HasConversion<string>().HasMaxLength(20);
        e.Property(k => k.Milestones).HasMaxLength(GoalLimits.MilestonesMax).HasConversion(
            v => KpiMilestone.ToJson(v),
            s => KpiMilestone.FromJson(s),
            new ValueComparer<List<KpiMilestone>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        e.Property(k => k.UpdatedByName).HasMaxLength(GoalLimits.UpdatedByNameMax);
    }

    public void Configure(EntityTypeBuilder<KpiMeasurement> e)
    {
        e.HasIndex(m => new { m.PartnershipId, m.KpiId });
        e.Property(m => m.Note).HasMaxLength(GoalLimits.NoteMax);
    }
}
