using System.ComponentModel.DataAnnotations;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Disputes;

[GenerateSerializer, Immutable]
public sealed record EvidenceLink([property: Id(0)] EvidenceKind Kind, [property: Id(1)] Guid Id);

/// <summary>
/// Raising a dispute. <c>PartyIds</c> names the other organisations involved (none: every other party);
/// <c>Steps</c> are the agreement's dispute-resolution steps and are taken only together with a <c>Clause</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RaiseDisputeInput(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] DisputeCategory Category,
    [property: Id(3)] DisputeSeverity Severity,
    [property: Id(4)] ClauseReference? Clause,
    [property: Id(5)] IReadOnlyList<EvidenceLink>? Evidence,
    [property: Id(6)] IReadOnlyList<Guid>? PartyIds,
    [property: Id(7)] IReadOnlyList<DisputeStep>? Steps);

/// <summary>Moving on from step <c>FromStep</c> (the one the person saw), so two clicks at once move one
/// step.</summary>
[GenerateSerializer, Immutable]
public sealed record AdvanceStepInput([property: Id(0)] int FromStep, [property: Id(1)] string? Note);

[GenerateSerializer, Immutable]
public sealed record DisputeMessageInput([property: Id(0)] string Text, [property: Id(1)] Guid? ReplyToId);

[GenerateSerializer, Immutable]
public sealed record DisputeNoteInput([property: Id(0)] string Text);

/// <summary>An action item the resolution creates (an ordinary item on the board).</summary>
[GenerateSerializer, Immutable]
public sealed record ResolutionItem(
    [property: Id(0)] string Title,
    [property: Id(1)] string? OwnerUserId,
    [property: Id(2), SensibleDate] DateOnly? DueDate);

/// <summary>A decision the resolution records in the meetings feature, in the meeting where it was agreed.</summary>
[GenerateSerializer, Immutable]
public sealed record ResolutionDecision(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] DateTime? Occurrence,
    [property: Id(2)] string Text);

[GenerateSerializer, Immutable]
public sealed record ProposalInput(
    [property: Id(0)] string Text,
    [property: Id(1)] IReadOnlyList<ResolutionItem>? ActionItems,
    [property: Id(2)] ResolutionDecision? Decision);

/// <summary><see cref="Language"/>: the answering person's language (<c>en</c>, <c>id</c>); the action items of a
/// resolution note their origin in it.</summary>
[GenerateSerializer, Immutable]
public sealed record AnswerInput(
    [property: Id(0)] bool Accept,
    [property: Id(1), AllowedValues(null, "en", "id")] string? Language = null);

/// <summary>What a resolution will create (stored with the proposal).</summary>
[GenerateSerializer, Immutable]
public sealed record ResolutionPlan(
    [property: Id(0)] IReadOnlyList<ResolutionItem> ActionItems,
    [property: Id(1)] ResolutionDecision? Decision);

/// <summary>Who acts: the person and the party they act for (from their membership, never from the body).</summary>
[GenerateSerializer, Immutable]
public sealed record DisputeActor(
    [property: Id(0)] Kernel.Actor Actor,
    [property: Id(1)] Guid PartyId,
    [property: Id(2)] Kernel.PartnershipRole Role);

public enum StepState { Done, Current, Upcoming }

[GenerateSerializer, Immutable]
public sealed record StepView(
    [property: Id(0)] string Name,
    [property: Id(1)] int Days,
    [property: Id(2)] StepState State,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] DateTimeOffset? Deadline);

/// <summary>
/// The clause a dispute is about, as it is now: <c>Number</c> and <c>Heading</c> are the clause's current ones (after
/// edits, renumbering); <c>Deleted</c> says the clause is no longer in the agreement (number and heading are then the
/// last it had). <c>Clause</c> (= <c>Number</c>) and <c>Title</c> ("Agreement § 5 Heading") are kept for older pages.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ClauseView(
    [property: Id(0)] Guid AgreementId,
    [property: Id(1)] string Clause,
    [property: Id(2)] string Title,
    [property: Id(3)] string Number,
    [property: Id(4)] string Heading,
    [property: Id(5)] bool Deleted);

[GenerateSerializer, Immutable]
public sealed record AnswerView(
    [property: Id(0)] Guid PartyId,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] string ByName,
    [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record ProposalView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Number,
    [property: Id(2)] Guid PartyId,
    [property: Id(3)] string ByName,
    [property: Id(4)] string Text,
    [property: Id(5)] ResolutionPlan Plan,
    [property: Id(6)] ProposalStatus Status,
    [property: Id(7)] IReadOnlyList<AnswerView> Answers,
    [property: Id(8)] DateTimeOffset CreatedAt);

[GenerateSerializer, Immutable]
public sealed record MessageView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid? ReplyToId,
    [property: Id(2)] Guid PartyId,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record NoteView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid DisputeId,
    [property: Id(2)] Guid PartyId,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record TimelineEntry(
    [property: Id(0)] string Kind,
    [property: Id(1)] Guid? PartyId,
    [property: Id(2)] string ActorName,
    [property: Id(3)] IReadOnlyDictionary<string, string> Args,
    [property: Id(4)] DateTimeOffset At);

/// <summary>A dispute in a list or on the dashboard: where it stands and by when.</summary>
[GenerateSerializer, Immutable]
public sealed record DisputeSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Number,
    [property: Id(2)] string Title,
    [property: Id(3)] DisputeCategory Category,
    [property: Id(4)] DisputeSeverity Severity,
    [property: Id(5)] DisputeStatus Status,
    [property: Id(6)] IReadOnlyList<Guid> PartyIds,
    [property: Id(7)] int CurrentStep,
    [property: Id(8)] string StepName,
    [property: Id(9)] DateTimeOffset? Deadline,
    [property: Id(10)] bool Overdue,
    [property: Id(11)] DateTimeOffset CreatedAt);

/// <summary>A dispute as every member sees it. Confidential notes are never part of it: they go to one party
/// only.</summary>
[GenerateSerializer, Immutable]
public sealed record DisputeView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Number,
    [property: Id(2)] string Title,
    [property: Id(3)] string Description,
    [property: Id(4)] DisputeCategory Category,
    [property: Id(5)] DisputeSeverity Severity,
    [property: Id(6)] DisputeStatus Status,
    [property: Id(7)] ClauseView? Clause,
    [property: Id(8)] IReadOnlyList<EvidenceLink> Evidence,
    [property: Id(9)] IReadOnlyList<Guid> PartyIds,
    [property: Id(10)] Guid RaisedByPartyId,
    [property: Id(11)] string RaisedByName,
    [property: Id(12)] IReadOnlyList<StepView> Steps,
    [property: Id(13)] int CurrentStep,
    [property: Id(14)] DateTimeOffset? Deadline,
    [property: Id(15)] bool Overdue,
    [property: Id(16)] IReadOnlyList<ProposalView> Proposals,
    [property: Id(17)] IReadOnlyList<MessageView> Messages,
    [property: Id(18)] IReadOnlyList<TimelineEntry> Timeline,
    [property: Id(19)] Guid? ResolvedByProposalId,
    [property: Id(20)] DateTimeOffset? ResolvedAt,
    [property: Id(21)] DateTimeOffset CreatedAt);
