using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Meetings;

/// <summary>How a series repeats; each maps to one iCalendar RRULE.</summary>
public enum MeetingRecurrence { None, Weekly, EveryTwoWeeks, Monthly, Quarterly }

/// <summary>What an agenda item or a decision points at; every id is checked to be of the same partnership.</summary>
public enum MeetingLinkKind { Goal, Kpi, ActionItem, Document }

/// <summary>A single meeting, or a series when <see cref="Recurrence"/> is not None.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Wall-clock start in <see cref="TimeZone"/> (a series keeps its local time across daylight
    /// saving).</summary>
    public DateTime StartLocal { get; set; }
    public int DurationMinutes { get; set; }
    /// <summary>IANA time zone of the organiser.</summary>
    public string TimeZone { get; set; } = "";
    public string Location { get; set; } = "";
    public string FacilitatorUserId { get; set; } = "";
    /// <summary>Attendee user ids, space-separated.</summary>
    public string AttendeeUserIds { get; set; } = "";
    public MeetingRecurrence Recurrence { get; set; }
    public DateOnly? Until { get; set; }
    /// <summary>KPIs reviewed at every meeting of the series, space-separated ids.</summary>
    public string KpiIds { get; set; } = "";
    /// <summary>iCalendar SEQUENCE: raised on every change calendar apps must pick up.</summary>
    public int Sequence { get; set; }
    public bool Cancelled { get; set; }
    public int Version { get; set; }
    public string UpdatedByName { get; set; } = "";
    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One occurrence of a series moved or cancelled (iCalendar RECURRENCE-ID override).</summary>
public sealed class MeetingOccurrenceChange
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>The occurrence's start as the series rule gives it (its identity).</summary>
    public DateTime OriginalStartLocal { get; set; }
    public DateTime? NewStartLocal { get; set; }
    public bool Cancelled { get; set; }
    public int Sequence { get; set; }
}

public sealed partial class AgendaItem
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>Which occurrence of a series (its original start); null for a single meeting.</summary>
    public DateTime? Occurrence { get; set; }
    public string Title { get; set; } = "";
    public string? OwnerUserId { get; set; }
    public int Minutes { get; set; }
    public MeetingLinkKind? LinkKind { get; set; }
    public Guid? LinkId { get; set; }
    public double SortOrder { get; set; }
    public int Version { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>A decision as it stands now; every earlier wording is a <see cref="DecisionRevision"/>.</summary>
public sealed partial class Decision
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid MeetingId { get; set; }
    public DateTime? Occurrence { get; set; }
    public string Text { get; set; } = "";
    public string Why { get; set; } = "";
    /// <summary>Agreeing party ids, space-separated.</summary>
    public string PartyIds { get; set; } = "";
    /// <summary>Links as "Kind:id", space-separated.</summary>
    public string Links { get; set; } = "";
    public int Revision { get; set; }
    public Guid? SupersedesId { get; set; }
    public Guid? SupersededById { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class DecisionRevision
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid DecisionId { get; set; }
    public int Revision { get; set; }
    public string Text { get; set; } = "";
    public string Why { get; set; } = "";
    public string PartyIds { get; set; } = "";
    public string Links { get; set; } = "";
    public string ChangedByUserId { get; set; } = "";
    public string ChangedByName { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A person's private calendar feed in one partnership; only the SHA-256 of its token is kept.</summary>
public sealed class CalendarFeedToken
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// Wall-clock times are kept as text (<c>2026-10-27T10:00:00</c>): they belong to a zone named beside them, and a
/// provider that maps DateTime to an instant (PostgreSQL's timestamptz) would refuse or shift them.
/// </summary>
internal sealed class WallClockConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, string>(
    v => v.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
    v => DateTime.ParseExact(v, "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.None));

internal sealed class MeetingConfiguration :
    IEntityTypeConfiguration<Meeting>, IEntityTypeConfiguration<MeetingOccurrenceChange>,
    IEntityTypeConfiguration<AgendaItem>, IEntityTypeConfiguration<Decision>,
    IEntityTypeConfiguration<DecisionRevision>, IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.HasIndex(m => m.PartnershipId);
        e.Property(m => m.Title).HasMaxLength(MeetingLimits.TitleMax);
        e.Property(m => m.TimeZone).HasMaxLength(MeetingLimits.TimeZoneMax);
        e.Property(m => m.Location).HasMaxLength(MeetingLimits.LocationMax);
        e.Property(m => m.FacilitatorUserId).HasMaxLength(MeetingLimits.UserIdMax);
        e.Property(m => m.AttendeeUserIds).HasMaxLength(8000);
        e.Property(m => m.KpiIds).HasMaxLength(4000);
        e.Property(m => m.UpdatedByName).HasMaxLength(MeetingLimits.NameMax);
        e.Property(m => m.Recurrence).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.StartLocal).HasConversion(new WallClockConverter()).HasMaxLength(19);
    }

    public void Configure(EntityTypeBuilder<MeetingOccurrenceChange> e)
    {
        e.HasIndex(c => new { c.MeetingId, c.OriginalStartLocal }).IsUnique();
        e.Property(c => c.OriginalStartLocal).HasConversion(new WallClockConverter()).HasMaxLength(19);
        e.Property(c => c.NewStartLocal).HasConversion(new WallClockConverter()).HasMaxLength(19);
    }

    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.HasIndex(a => new { a.PartnershipId, a.MeetingId });
        e.Property(a => a.Title).HasMaxLength(MeetingLimits.AgendaTitleMax);
        e.Property(a => a.LinkKind).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Occurrence).HasConversion(new WallClockConverter()).HasMaxLength(19);
    }

    public void Configure(EntityTypeBuilder<Decision> e)
    {
        e.HasIndex(d => d.PartnershipId);
        e.Property(d => d.Text).HasMaxLength(MeetingLimits.DecisionTextMax);
        e.Property(d => d.Why).HasMaxLength(MeetingLimits.DecisionWhyMax);
        e.Property(d => d.PartyIds).HasMaxLength(2000);
        e.Property(d => d.Links).HasMaxLength(4000);
        e.Property(d => d.Occurrence).HasConversion(new WallClockConverter()).HasMaxLength(19);
    }

    public void Configure(EntityTypeBuilder<DecisionRevision> e)
    {
        e.HasIndex(r => new { r.DecisionId, r.Revision }).IsUnique();
        e.Property(r => r.Text).HasMaxLength(MeetingLimits.DecisionTextMax);
        e.Property(r => r.Why).HasMaxLength(MeetingLimits.DecisionWhyMax);
        e.Property(r => r.PartyIds).HasMaxLength(2000);
        e.Property(r => r.Links).HasMaxLength(4000);
        e.Property(r => r.ChangedByName).HasMaxLength(MeetingLimits.NameMax);
        e.Property(r => r.Reason).HasMaxLength(MeetingLimits.ReasonMax);
    }

    public void Configure(EntityTypeBuilder<CalendarFeedToken> e)
    {
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => new { t.PartnershipId, t.UserId });
        e.Property(t => t.TokenHash).HasMaxLength(64);
        e.Property(t => t.UserId).HasMaxLength(MeetingLimits.UserIdMax);
    }
}
