using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Meetings;

/// <summary>What became of an agenda item in its meeting; null while the meeting has not reached it or ended.</summary>
public enum AgendaOutcome
{
    /// <summary>The meeting came to it (it was the current item at least once).</summary>
    Reached,
    /// <summary>Not reached; the facilitator chose to carry it to the series' next meeting.</summary>
    Carry,
    /// <summary>Not reached; the facilitator chose to drop it.</summary>
    Dropped,
}

/// <summary>How an agenda item fared when its meeting was run (facilitator mode).</summary>
public sealed partial class AgendaItem
{
    /// <summary>Reached, or, for an item the ended meeting never came to, Carry or Dropped; null before that.</summary>
    public AgendaOutcome? Outcome { get; set; }
    /// <summary>Time spent on the item in earlier turns (the running turn is counted from the run's CurrentSince).
    /// </summary>
    public int SecondsSpent { get; set; }
}

/// <summary>The agenda item a decision was taken under, when it was captured while the meeting ran.</summary>
public sealed partial class Decision
{
    public Guid? AgendaItemId { get; set; }
}

/// <summary>One occurrence of a meeting being run: who leads it now, where it is, who is there.</summary>
public sealed class MeetingRun
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>The occurrence of a series (its original start); null for a single meeting.</summary>
    public DateTime? Occurrence { get; set; }
    /// <summary>Starts as the meeting's facilitator; a hand-over changes it for this occurrence only.</summary>
    public string FacilitatorUserId { get; set; } = "";
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? CurrentItemId { get; set; }
    /// <summary>Server time the current item became current; clients count its timer from this.</summary>
    public DateTimeOffset? CurrentSince { get; set; }
    /// <summary>User ids marked present, space-separated.</summary>
    public string Present { get; set; } = "";
    /// <summary>User ids marked absent, space-separated.</summary>
    public string Absent { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An action item captured in a meeting run, with the agenda item it was captured under.</summary>
public sealed class MeetingCapture
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid RunId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public Guid ActionItemId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class MeetingRunConfiguration :
    IEntityTypeConfiguration<MeetingRun>, IEntityTypeConfiguration<MeetingCapture>, IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<MeetingRun> e)
    {
        e.HasIndex(r => new { r.PartnershipId, r.MeetingId });
        e.Property(r => r.Occurrence).HasConversion(new WallClockConverter()).HasMaxLength(19);
        e.Property(r => r.FacilitatorUserId).HasMaxLength(MeetingLimits.UserIdMax);
        e.Property(r => r.Present).HasMaxLength(16000);
        e.Property(r => r.Absent).HasMaxLength(16000);
    }

    public void Configure(EntityTypeBuilder<MeetingCapture> e) => e.HasIndex(c => new { c.PartnershipId, c.RunId });

    public void Configure(EntityTypeBuilder<AgendaItem> e) =>
        e.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
}
