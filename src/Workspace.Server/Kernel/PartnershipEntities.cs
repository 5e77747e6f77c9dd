using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Kernel;

/// <summary>What a member may do. Ordered: each role can do everything the roles below it can.</summary>
public enum PartnershipRole
{
    Viewer = 0,
    Commenter = 1,
    Editor = 2,
    Owner = 3,
}

public sealed class Partnership
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>An organisation taking part in a partnership.</summary>
public sealed class Party
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class Membership
{
    public Guid PartnershipId { get; set; }
    public string UserId { get; set; } = "";
    public Guid PartyId { get; set; }
    public PartnershipRole Role { get; set; }
    /// <summary>Party admins manage their own party's members.</summary>
    public bool IsPartyAdmin { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>
/// An open invitation into one party. Only the SHA-256 of the link token is stored, so a leaked
/// database does not leak usable links.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PartyId { get; set; }
    public string Email { get; set; } = "";
    public PartnershipRole Role { get; set; }
    public bool IsPartyAdmin { get; set; }
    public string TokenHash { get; set; } = "";
    public string InvitedByUserId { get; set; } = "";
    public string InvitedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
}

public sealed class ActivityEntry
{
    public long Id { get; set; }
    public Guid PartnershipId { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorUserId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>Machine-readable kind such as <c>member.added</c>; the UI translates it.</summary>
    public string Kind { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>
    /// The values in <see cref="Summary"/> as a JSON object, so the UI can say it in the reader's language.
    /// </summary>
    public string Args { get; set; } = "{}";
}

internal sealed class PartnershipConfiguration :
    IEntityTypeConfiguration<Partnership>, IEntityTypeConfiguration<Party>, IEntityTypeConfiguration<Membership>,
    IEntityTypeConfiguration<ActivityEntry>, IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasIndex(i => i.PartnershipId);
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.Property(i => i.Email).HasMaxLength(PartnershipLimits.EmailMax);
        e.Property(i => i.InvitedByName).HasMaxLength(PartnershipLimits.PersonNameMax);
        e.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<Partnership> e)
    {
        e.Property(p => p.Name).HasMaxLength(PartnershipLimits.NameMax);
    }

    public void Configure(EntityTypeBuilder<Party> e)
    {
        e.Property(p => p.Name).HasMaxLength(PartnershipLimits.NameMax);
        e.HasIndex(p => p.PartnershipId);
    }

    public void Configure(EntityTypeBuilder<Membership> e)
    {
        e.HasKey(m => new { m.PartnershipId, m.UserId });
        e.HasIndex(m => m.UserId);
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<ActivityEntry> e)
    {
        e.HasIndex(a => new { a.PartnershipId, a.Id });
        e.Property(a => a.Kind).HasMaxLength(60);
        e.Property(a => a.Summary).HasMaxLength(1000);
        e.Property(a => a.Args).HasMaxLength(2000);
    }
}
