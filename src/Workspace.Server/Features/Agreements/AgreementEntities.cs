using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Agreements;

/// <summary>
/// A formal agreement (or a numbered amendment of one). Its text is an ordinary co-edited document; who approved
/// which revision lives in <see cref="AgreementSignOff"/>, which only the document's grain writes.
/// </summary>
public sealed class Agreement
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid DocumentId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>"en" or "id": the template's language.</summary>
    public string Language { get; set; } = "en";
    /// <summary>The agreement this one amends; null for an agreement itself.</summary>
    public Guid? AmendsId { get; set; }
    /// <summary>1, 2, … for amendments of one agreement; 0 for the agreement itself.</summary>
    public int AmendmentNumber { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The sign-off state of an agreement's document, written only by its <c>DocumentGrain</c>, so that approving a
/// revision and accepting an edit are ordered by one authority. Approvals are a JSON list of <see cref="Approval"/>.
/// </summary>
public sealed class AgreementSignOff
{
    public Guid DocumentId { get; set; }
    public string Status { get; set; } = SignOffStatus.Draft;
    public int Round { get; set; }
    public string RequiredParties { get; set; } = "[]";
    public string Approvals { get; set; } = "[]";
    /// <summary>Why the last round ended without a signature (JSON <see cref="RoundReset"/>), or null.</summary>
    public string? LastReset { get; set; }
    public long? SignedRevision { get; set; }
    public string? SignedHash { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public DateTimeOffset? TerminatedAt { get; set; }
    public string? TerminatedBy { get; set; }
    /// <summary>Bumped on every write; a write older than the stored one is dropped (writes may finish out of
    /// order).</summary>
    public long Version { get; set; }
}

/// <summary>Who may approve for a party (none named: the party's admins).</summary>
public sealed class AgreementSignatory
{
    public Guid PartnershipId { get; set; }
    public Guid PartyId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>A dated duty a clause places on one party; each due date becomes an action item of that party.</summary>
public sealed class AgreementObligation
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid AgreementId { get; set; }
    public string ClauseNumber { get; set; } = "";
    /// <summary>The clause's heading as a passage (revision, from, to), followed through edits like a
    /// comment's.</summary>
    public long AnchorRevision { get; set; }
    public int AnchorFrom { get; set; }
    public int AnchorTo { get; set; }
    public string Title { get; set; } = "";
    public Guid PartyId { get; set; }
    public string Schedule { get; set; } = ObligationSchedule.Once;
    /// <summary>For <see cref="ObligationSchedule.Once"/>: the due date; otherwise the first period's start.</summary>
    public DateOnly Start { get; set; }
    /// <summary>Days after each period's end (quarterly: 15 = the 15th day after the quarter ends).</summary>
    public int OffsetDays { get; set; }
    public int Occurrences { get; set; } = 1;
    /// <summary>JSON list of the action item ids created for it.</summary>
    public string ActionItemIds { get; set; } = "[]";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public static class SignOffStatus
{
    public const string Draft = "draft";
    public const string Review = "review";
    public const string Signed = "signed";
    public const string Terminated = "terminated";
}

public static class ObligationSchedule
{
    public const string Once = "once";
    public const string Monthly = "monthly";
    public const string Quarterly = "quarterly";
    public const string Yearly = "yearly";

    public static readonly string[] All = [Once, Monthly, Quarterly, Yearly];
}

internal sealed class AgreementConfiguration :
    IEntityTypeConfiguration<Agreement>, IEntityTypeConfiguration<AgreementSignOff>,
    IEntityTypeConfiguration<AgreementSignatory>, IEntityTypeConfiguration<AgreementObligation>
{
    public void Configure(EntityTypeBuilder<Agreement> e)
    {
        e.ToTable("Agreements");
        e.Property(a => a.Title).HasMaxLength(200);
        e.Property(a => a.Language).HasMaxLength(8);
        e.Property(a => a.CreatedBy).HasMaxLength(450);
        e.HasIndex(a => a.PartnershipId);
        e.HasIndex(a => a.DocumentId).IsUnique();
        e.HasIndex(a => new { a.AmendsId, a.AmendmentNumber });
    }

    public void Configure(EntityTypeBuilder<AgreementSignOff> e)
    {
        e.ToTable("AgreementSignOffs");
        e.HasKey(s => s.DocumentId);
        e.Property(s => s.Status).HasMaxLength(16);
        e.Property(s => s.SignedHash).HasMaxLength(64);
        e.Property(s => s.TerminatedBy).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<AgreementSignatory> e)
    {
        e.ToTable("AgreementSignatories");
        e.HasKey(s => new { s.PartnershipId, s.PartyId, s.UserId });
        e.Property(s => s.UserId).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<AgreementObligation> e)
    {
        e.ToTable("AgreementObligations");
        e.Property(o => o.ClauseNumber).HasMaxLength(32);
        e.Property(o => o.Title).HasMaxLength(300);
        e.Property(o => o.Schedule).HasMaxLength(16);
        e.Property(o => o.CreatedBy).HasMaxLength(450);
        e.HasIndex(o => new { o.PartnershipId, o.AgreementId });
    }
}
