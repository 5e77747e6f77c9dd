using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Disputes;

public enum DisputeCategory { Quality, Payment, Delivery, IntellectualProperty, Conduct, Other }

public enum DisputeSeverity { Low, Medium, High, Critical }

public enum DisputeStatus { Open, Resolved }

public enum ProposalStatus { Open, Accepted, Rejected, Withdrawn }

/// <summary>What a piece of evidence points at; every id is checked to be of the same partnership.</summary>
public enum EvidenceKind { Document, ActionItem, Decision, Goal }

/// <summary>A disagreement between parties, taken through agreed steps until every involved party accepts a
/// proposal.</summary>
public sealed class Dispute
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DisputeCategory Category { get; set; }
    public DisputeSeverity Severity { get; set; }
    /// <summary>The agreement (document) the clause is in; null when no clause is named.</summary>
    public Guid? AgreementId { get; set; }
    /// <summary>The clause as given (anchor or number), kept verbatim for the agreements resolver.</summary>
    public string Clause { get; set; } = "";
    /// <summary>How the clause was called when last followed, e.g. "MoU § 5 Profit and cost sharing".</summary>
    public string ClauseTitle { get; set; } = "";
    /// <summary>The clause link (Kernel.ClauseLinks.ClauseLinkState as JSON), followed through the agreement's
    /// edits.</summary>
    public string? ClauseLink { get; set; }
    /// <summary>Evidence as "Kind:id", space-separated.</summary>
    public string Evidence { get; set; } = "";
    /// <summary>Involved party ids (the raising party first), space-separated.</summary>
    public string PartyIds { get; set; } = "";
    public Guid RaisedByPartyId { get; set; }
    public string RaisedByUserId { get; set; } = "";
    public string RaisedByName { get; set; } = "";
    /// <summary>The steps as JSON: [{"name":…,"days":…}].</summary>
    public string Steps { get; set; } = "[]";
    public int CurrentStep { get; set; }
    public DateTimeOffset StepStartedAt { get; set; }
    public DisputeStatus Status { get; set; }
    public Guid? ResolvedByProposalId { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One line of a dispute's timeline (raised, step moved, proposed, answered, resolved, item
/// created…).</summary>
public sealed class DisputeEvent
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid DisputeId { get; set; }
    public int Sequence { get; set; }
    public string Kind { get; set; } = "";
    public Guid? PartyId { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>The values the browser words the entry with, as JSON.</summary>
    public string Args { get; set; } = "{}";
    public DateTimeOffset At { get; set; }
}

public sealed class DisputeMessage
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid DisputeId { get; set; }
    public Guid? ReplyToId { get; set; }
    public Guid PartyId { get; set; }
    public string AuthorUserId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A note only the members of <see cref="PartyId"/> ever receive.</summary>
public sealed class DisputeNote
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid DisputeId { get; set; }
    public Guid PartyId { get; set; }
    public string AuthorUserId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public sealed class DisputeProposal
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid DisputeId { get; set; }
    public int Number { get; set; }
    public Guid PartyId { get; set; }
    public string ByUserId { get; set; } = "";
    public string ByName { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>The action items and decision the resolution creates, as JSON (<see cref="ResolutionPlan"/>).</summary>
    public string Plan { get; set; } = "{}";
    public ProposalStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One party's answer to a proposal; the unique index keeps it to one per party.</summary>
public sealed class DisputeAnswer
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid PartyId { get; set; }
    public bool Accepted { get; set; }
    public string ByUserId { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class DisputeConfiguration :
    IEntityTypeConfiguration<Dispute>, IEntityTypeConfiguration<DisputeEvent>, IEntityTypeConfiguration<DisputeMessage>,
    IEntityTypeConfiguration<DisputeNote>, IEntityTypeConfiguration<DisputeProposal>,
    IEntityTypeConfiguration<DisputeAnswer>
{
    public void Configure(EntityTypeBuilder<Dispute> e)
    {
        e.HasIndex(d => new { d.PartnershipId, d.Number }).IsUnique();
        e.Property(d => d.Title).HasMaxLength(200);
        e.Property(d => d.Description).HasMaxLength(4000);
        e.Property(d => d.Category).HasConversion<string>().HasMaxLength(30);
        e.Property(d => d.Severity).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.Clause).HasMaxLength(100);
        e.Property(d => d.ClauseTitle).HasMaxLength(300);
        e.Property(d => d.ClauseLink).HasMaxLength(1000);
        e.Property(d => d.Evidence).HasMaxLength(2000);
        e.Property(d => d.PartyIds).HasMaxLength(2000);
        e.Property(d => d.RaisedByUserId).HasMaxLength(64);
        e.Property(d => d.RaisedByName).HasMaxLength(100);
        e.Property(d => d.Steps).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<DisputeEvent> e)
    {
        e.HasIndex(x => new { x.DisputeId, x.Sequence }).IsUnique();
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Args).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<DisputeMessage> e)
    {
        e.HasIndex(x => new { x.PartnershipId, x.DisputeId });
        e.Property(x => x.AuthorUserId).HasMaxLength(64);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<DisputeNote> e)
    {
        e.HasIndex(x => new { x.PartnershipId, x.DisputeId, x.PartyId });
        e.Property(x => x.AuthorUserId).HasMaxLength(64);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<DisputeProposal> e)
    {
        e.HasIndex(x => new { x.DisputeId, x.Number }).IsUnique();
        e.Property(x => x.ByUserId).HasMaxLength(64);
        e.Property(x => x.ByName).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.Plan).HasMaxLength(8000);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<DisputeAnswer> e)
    {
        e.HasIndex(x => new { x.ProposalId, x.PartyId }).IsUnique();
        e.Property(x => x.ByUserId).HasMaxLength(64);
        e.Property(x => x.ByName).HasMaxLength(100);
    }
}
