using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.ActionItems;

public enum ActionStatus { Open, InProgress, Blocked, Done }

public sealed class ActionItem
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    /// <summary>Short number within the partnership, shown as A12 and written into checklist lines.</summary>
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Notes { get; set; } = "";
    public string? OwnerUserId { get; set; }
    public DateOnly? DueDate { get; set; }
    public ActionStatus Status { get; set; }
    public Guid? GoalId { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid? DocumentId { get; set; }
    /// <summary>The agreement clause the item is about (Kernel.ClauseLinks.ClauseLinkState as JSON), or null.</summary>
    public string? ClauseLink { get; set; }
    /// <summary>Position within its board column.</summary>
    public double SortOrder { get; set; }
    public int Version { get; set; }
    /// <summary>Who made the current version (named to whoever's change then conflicts with it).</summary>
    public string UpdatedByName { get; set; } = "";
    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> e)
    {
        e.HasIndex(a => new { a.PartnershipId, a.Number }).IsUnique();
        e.Property(a => a.Title).HasMaxLength(ActionItemLimits.TitleMax);
        e.Property(a => a.Notes).HasMaxLength(ActionItemLimits.NotesMax);
        e.Property(a => a.UpdatedByName).HasMaxLength(100);
        e.Property(a => a.ClauseLink).HasMaxLength(1000);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
    }
}

[GenerateSerializer, Immutable]
public sealed record ActionItemView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Number,
    [property: Id(2)] string Title,
    [property: Id(3)] string Notes,
    [property: Id(4)] string? OwnerUserId,
    [property: Id(5)] string? OwnerName,
    [property: Id(6)] Guid? OwnerPartyId,
    [property: Id(7)] DateOnly? DueDate,
    [property: Id(8)] ActionStatus Status,
    [property: Id(9)] Guid? GoalId,
    [property: Id(10)] Guid? MeetingId,
    [property: Id(11)] Guid? DocumentId,
    [property: Id(12)] double SortOrder,
    [property: Id(13)] int Version,
    [property: Id(14)] DateTimeOffset UpdatedAt,
    [property: Id(15)] string UpdatedByName,
    [property: Id(16)] ClauseLinkView? Clause = null);

[GenerateSerializer, Immutable]
public sealed record ActionItemInput(
    [property: Id(0), Required, MaxLength(ActionItemLimits.TitleMax)] string Title,
    [property: Id(1), MaxLength(ActionItemLimits.NotesMax)] string? Notes,
    [property: Id(2)] string? OwnerUserId,
    [property: Id(3), SensibleDate] DateOnly? DueDate,
    [property: Id(4)] ActionStatus Status,
    [property: Id(5)] Guid? GoalId,
    [property: Id(6)] Guid? MeetingId,
    [property: Id(7)] Guid? DocumentId,
    [property: Id(8), VersionNumber] int Version,
    [property: Id(9)] ClauseLinkInput? Clause = null);

/// <summary>A drag on the board: the new column and, optionally, the position in it.</summary>
[GenerateSerializer, Immutable]
public sealed record MoveInput(
    [property: Id(0)] ActionStatus Status,
    [property: Id(1), SensibleNumber(AnyPrecision = true)] double? SortOrder,
    [property: Id(2), VersionNumber] int Version);
