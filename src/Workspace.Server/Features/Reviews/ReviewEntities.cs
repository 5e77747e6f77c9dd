using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Reviews;

public enum ReviewStatus { Open, Closed }

/// <summary>
/// One review round: every member of every party rates the partnership over <see cref="PeriodFrom"/>–
/// <see cref="PeriodTo"/> until the round closes (by hand, or at the end of <see cref="ClosesOn"/>).
/// </summary>
public sealed class ReviewRound
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>The last day answers are taken (UTC); the round closes when the day is over.</summary>
    public DateOnly ClosesOn { get; set; }
    /// <summary>The partnership's goals when the round opened, as JSON [{"id":…,"title":…}]: the questions per goal
    /// stay those the members were asked, whatever happens to the goals later.</summary>
    public string Goals { get; set; } = "[]";
    public ReviewStatus Status { get; set; }
    public string OpenedByUserId { get; set; } = "";
    public string OpenedByName { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    /// <summary>Empty when the round closed at its closing date.</summary>
    public string ClosedByName { get; set; } = "";
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>One member's answer to a round; the unique index keeps it to one per member, changed in place.</summary>
public sealed class ReviewAnswer
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid RoundId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The party the member answered for (their membership's, never one named in the body).</summary>
    public Guid PartyId { get; set; }
    public int Overall { get; set; }
    public int Communication { get; set; }
    public int Fairness { get; set; }
    public int Progress { get; set; }
    /// <summary>Scores per goal of the round, as JSON {"goalId":score}.</summary>
    public string GoalScores { get; set; } = "{}";
    public string WhatWorks { get; set; } = "";
    public string WhatShouldChange { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A change the parties agreed on after a round; it may become an action item on the board.</summary>
public sealed class ReviewChange
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid RoundId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public Guid PartyId { get; set; }
    public string ByUserId { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>The action item made of it (its id is the change's own, so a second attempt finds it).</summary>
    public Guid? ActionItemId { get; set; }
    /// <summary>The item's number on the board once it is made.</summary>
    public int? ActionItemNumber { get; set; }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<ReviewRound>,
    IEntityTypeConfiguration<ReviewAnswer>, IEntityTypeConfiguration<ReviewChange>
{
    public void Configure(EntityTypeBuilder<ReviewRound> e)
    {
        e.HasIndex(r => new { r.PartnershipId, r.Number }).IsUnique();
        e.Property(r => r.Title).HasMaxLength(ReviewLimits.TitleMax);
        e.Property(r => r.Goals).HasMaxLength(ReviewLimits.GoalsJsonMax);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.OpenedByUserId).HasMaxLength(64);
        e.Property(r => r.OpenedByName).HasMaxLength(100);
        e.Property(r => r.ClosedByName).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ReviewAnswer> e)
    {
        e.HasIndex(a => new { a.RoundId, a.UserId }).IsUnique();
        e.HasIndex(a => a.PartnershipId);
        e.Property(a => a.UserId).HasMaxLength(64);
        e.Property(a => a.GoalScores).HasMaxLength(ReviewLimits.GoalsJsonMax);
        e.Property(a => a.WhatWorks).HasMaxLength(ReviewLimits.TextMax);
        e.Property(a => a.WhatShouldChange).HasMaxLength(ReviewLimits.TextMax);
    }

    public void Configure(EntityTypeBuilder<ReviewChange> e)
    {
        e.HasIndex(c => new { c.RoundId, c.Number }).IsUnique();
        e.HasIndex(c => c.PartnershipId);
        e.Property(c => c.Text).HasMaxLength(ReviewLimits.ChangeMax);
        e.Property(c => c.ByUserId).HasMaxLength(64);
        e.Property(c => c.ByName).HasMaxLength(100);
    }
}
