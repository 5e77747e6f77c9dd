using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Notifications;

/// <summary>
/// One thing that needs one person. Stored as a kind with its arguments (JSON), worded in the reader's language when
/// read; the number orders the list (newest first) and pages it.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid PartnershipId { get; set; }
    public string Kind { get; set; } = "";
    public string Args { get; set; } = "{}";
    /// <summary>The app path of the thing (always starting with <c>/p/</c>).</summary>
    public string Link { get; set; } = "";
    public string ActorUserId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public bool IsRead { get; set; }
}

/// <summary>A person's choices: the language of their e-mails, and whether they get e-mails at all.</summary>
public sealed class NotificationSettings
{
    public string UserId { get; set; } = "";
    public string Language { get; set; } = NotificationTexts.DefaultLanguage;
    public bool EmailOff { get; set; }
}

/// <summary>
/// One e-mail to send: written with its notification (one transaction) and deleted once the SMTP server took it, so a
/// crash in between sends it again (at least once) and never loses it. Times are UTC ticks, which both providers
/// compare and order.
/// </summary>
public sealed class MailOutboxEntry
{
    public long Id { get; set; }
    public long NotificationId { get; set; }
    public Notification? Notification { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public int Attempts { get; set; }
    public long NextAttemptTicks { get; set; }
    /// <summary>A sender that took the entry holds it until then (another node leaves it alone meanwhile).</summary>
    public long LeaseUntilTicks { get; set; }
    /// <summary>Set when every attempt failed: kept for the record, never tried again.</summary>
    public bool GaveUp { get; set; }
    public string LastError { get; set; } = "";
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>,
    IEntityTypeConfiguration<NotificationSettings>, IEntityTypeConfiguration<MailOutboxEntry>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.HasIndex(n => new { n.UserId, n.Id });
        e.HasIndex(n => new { n.UserId, n.IsRead });
        e.Property(n => n.UserId).HasMaxLength(64);
        e.Property(n => n.Kind).HasMaxLength(64);
        e.Property(n => n.Args).HasMaxLength(NotificationLimits.ArgsMax);
        e.Property(n => n.Link).HasMaxLength(NotificationLimits.LinkMax);
        e.Property(n => n.ActorUserId).HasMaxLength(64);
        e.Property(n => n.ActorName).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<NotificationSettings> e)
    {
        e.HasKey(s => s.UserId);
        e.Property(s => s.UserId).HasMaxLength(64);
        e.Property(s => s.Language).HasMaxLength(8);
    }

    public void Configure(EntityTypeBuilder<MailOutboxEntry> e)
    {
        e.HasIndex(m => m.NotificationId).IsUnique();
        e.HasIndex(m => new { m.GaveUp, m.NextAttemptTicks });
        e.HasOne(m => m.Notification).WithMany().HasForeignKey(m => m.NotificationId)
            .OnDelete(DeleteBehavior.Cascade);
        e.Property(m => m.ToAddress).HasMaxLength(256);
        e.Property(m => m.ToName).HasMaxLength(100);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.Body).HasMaxLength(4000);
        e.Property(m => m.LastError).HasMaxLength(1000);
    }
}
