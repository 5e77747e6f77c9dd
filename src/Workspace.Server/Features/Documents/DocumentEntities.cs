using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workspace.Server.Features.Documents;

/// <summary>A co-edited Markdown document's metadata. Its text lives in the operation log and snapshots.</summary>
public sealed class Document
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string Title { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Soft delete: the row and its history stay, the document disappears from every view.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    /// <summary>The kind of guard another feature keeps over the text (<see cref="IDocumentGuardKind.Name"/>); null
    /// for most documents, which then load none.</summary>
    public string? Guard { get; set; }
}

/// <summary>
/// One accepted operation, as applied (already transformed). Append-only; (DocumentId, Revision) is the key,
/// so the log is gap-free and a revision can never be written twice. (ClientId, ClientSeq) makes resubmits idempotent:
/// the document's grain answers them from each client's latest op, which it rebuilds on activation from the latest
/// snapshot's <see cref="DocumentSnapshot.Clients"/> and the operations after it. There is no index on them: with
/// one, every op also wrote a leaf of that index (another scattered page in the WAL and in every checkpoint).
/// </summary>
public sealed class DocumentOperation
{
    public Guid DocumentId { get; set; }
    public long Revision { get; set; }
    public string ClientId { get; set; } = "";
    public long ClientSeq { get; set; }
    public string AuthorId { get; set; } = "";
    /// <summary>The op in the ot-text-unicode JSON wire format.</summary>
    public string Operation { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The full text at a revision, so activation and version reads replay only the operations after it. Written by
/// <see cref="SnapshotPolicy"/>; read through <see cref="SnapshotCodec.TextOf"/>, which knows every <see
/// cref="Format"/>.
/// </summary>
public sealed class DocumentSnapshot
{
    public Guid DocumentId { get; set; }
    public long Revision { get; set; }
    /// <summary>
    /// The text when <see cref="Format"/> is <see cref="SnapshotCodec.Plain"/> (rows written before compression); else
    /// empty.
    /// </summary>
    public string Text { get; set; } = "";
    /// <summary>
    /// How the text is stored: <see cref="SnapshotCodec.Plain"/> in <see cref="Text"/>, or compressed in <see
    /// cref="Data"/>.
    /// </summary>
    public int Format { get; set; }
    /// <summary>The compressed text (see <see cref="Format"/>); null for plain rows.</summary>
    public byte[]? Data { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>
    /// Every client id's owner and latest op up to <see cref="Revision"/> (<see cref="SnapshotClients"/>), so
    /// activation need not read the whole log to answer resubmits; null in snapshots stored before it was kept.
    /// </summary>
    public string? Clients { get; set; }
}

/// <summary>
/// A name someone gave the version that ends at <see cref="Revision"/> (a named version ends there for good).
/// </summary>
public sealed class DocumentVersionName
{
    public Guid DocumentId { get; set; }
    public long Revision { get; set; }
    public string Name { get; set; } = "";
    public string NamedBy { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class DocumentConfiguration :
    IEntityTypeConfiguration<Document>, IEntityTypeConfiguration<DocumentOperation>,
    IEntityTypeConfiguration<DocumentSnapshot>, IEntityTypeConfiguration<DocumentVersionName>
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks =
        new(at => at.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    public void Configure(EntityTypeBuilder<Document> e)
    {
        e.ToTable("Documents");
        e.Property(d => d.Title).HasMaxLength(DocumentLimits.TitleMax);
        e.Property(d => d.CreatedBy).HasMaxLength(450);
        e.Property(d => d.Guard).HasMaxLength(DocumentLimits.GuardMax);
        e.HasIndex(d => d.PartnershipId);
    }

    public void Configure(EntityTypeBuilder<DocumentOperation> e)
    {
        e.ToTable("DocumentOperations");
        e.HasKey(o => new { o.DocumentId, o.Revision });
        e.Property(o => o.ClientId).HasMaxLength(DocumentLimits.ClientIdMax);
        e.Property(o => o.AuthorId).HasMaxLength(450);
    }

    /// <summary>
    /// SQLite only (PostgreSQL keeps <c>timestamptz</c>, already 8 bytes): an operation's time as its UTC ticks, an
    /// INTEGER of 8 bytes instead of 33 characters of text, in the row written for every keystroke. Ticks keep every
    /// instant exactly as the text did. The migration <c>OperationTimeAsTicks</c> converts the rows stored as text.
    /// </summary>
    internal static void ConfigureSqlite(ModelBuilder builder) =>
        builder.Entity<DocumentOperation>().Property(o => o.At).HasConversion(UtcTicks);

    public void Configure(EntityTypeBuilder<DocumentSnapshot> e)
    {
        e.ToTable("DocumentSnapshots");
        e.HasKey(s => new { s.DocumentId, s.Revision });
    }

    public void Configure(EntityTypeBuilder<DocumentVersionName> e)
    {
        e.ToTable("DocumentVersionNames");
        e.HasKey(n => new { n.DocumentId, n.Revision });
        e.Property(n => n.Name).HasMaxLength(DocumentHistory.MaxVersionNameLength);
        e.Property(n => n.NamedBy).HasMaxLength(450);
    }
}
