using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Meetings;

/// <summary>What a meeting's partnership document is for.</summary>
public enum MeetingDocumentKind { Notes, Minutes }

/// <summary>
/// Ties a partnership document to one meeting (one occurrence of a series): its live notes, or its minutes. The
/// document belongs to the partnership; this row says which meeting it serves, so the series, not a person, owns it.
/// (MeetingId, Occurrence, Kind) is unique: two people opening the notes at once get one document.
/// </summary>
public sealed class MeetingDocument
{
    public Guid DocumentId { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>The occurrence's original wall-clock start (<c>yyyy-MM-ddTHH:mm:ss</c>); empty for a single
    /// meeting (text, not null, so the unique index holds for single meetings too).</summary>
    public string Occurrence { get; set; } = "";
    public MeetingDocumentKind Kind { get; set; }
    /// <summary>Minutes: the document's revision right after the last generation (a later revision means someone
    /// edited them by hand).</summary>
    public long GeneratedRevision { get; set; }
    /// <summary>Minutes: how many times they were produced.</summary>
    public int Generation { get; set; }
    /// <summary>Minutes: "en" or "id".</summary>
    public string Language { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SharedAt { get; set; }
    public string SharedByName { get; set; } = "";
}

internal sealed class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> e)
    {
        e.ToTable("MeetingDocuments");
        e.HasKey(d => d.DocumentId);
        e.HasIndex(d => new { d.MeetingId, d.Occurrence, d.Kind }).IsUnique();
        e.HasIndex(d => d.PartnershipId);
        e.Property(d => d.Occurrence).HasMaxLength(19);
        e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.Language).HasMaxLength(5);
        e.Property(d => d.SharedByName).HasMaxLength(MeetingLimits.NameMax);
    }
}
