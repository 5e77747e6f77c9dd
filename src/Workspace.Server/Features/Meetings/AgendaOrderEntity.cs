using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// The version of one occurrence's agenda order. Every reorder, addition and removal raises it, so a drag made on an
/// order someone else has changed since is refused (409) instead of silently undoing their move.
/// </summary>
public sealed class AgendaOrder
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>The occurrence's original start; null for a single meeting.</summary>
    public DateTime? Occurrence { get; set; }
    public int Version { get; set; }
    public string UpdatedByName { get; set; } = "";
}

internal sealed class AgendaOrderConfiguration : IEntityTypeConfiguration<AgendaOrder>
{
    public void Configure(EntityTypeBuilder<AgendaOrder> e)
    {
        e.HasIndex(o => new { o.PartnershipId, o.MeetingId });
        e.Property(o => o.Occurrence).HasConversion(new WallClockConverter()).HasMaxLength(19);
        e.Property(o => o.UpdatedByName).HasMaxLength(MeetingLimits.NameMax);
    }
}
