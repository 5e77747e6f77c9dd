using Workspace.Server.Kernel.ClauseLinks;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

[GenerateSerializer, Immutable]
public sealed record MeetingLink([property: Id(0)] MeetingLinkKind Kind, [property: Id(1)] Guid Id);

/// <summary>A meeting or series as scheduled. <c>Start</c> is wall-clock time in <c>TimeZone</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingInput(
    [property: Id(0)] string Title,
    [property: Id(1)] DateTime Start,
    [property: Id(2)] int DurationMinutes,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] string? Location,
    [property: Id(5)] string FacilitatorUserId,
    [property: Id(6)] IReadOnlyList<string>? AttendeeUserIds,
    [property: Id(7)] MeetingRecurrence Recurrence,
    [property: Id(8), SensibleDate] DateOnly? Until,
    [property: Id(9), VersionNumber] int Version,
    [property: Id(10)] IReadOnlyList<Guid>? KpiIds = null);

[GenerateSerializer, Immutable]
public sealed record OccurrenceChangeView(
    [property: Id(0)] DateTime OriginalStart,
    [property: Id(1)] DateTime? NewStart,
    [property: Id(2)] bool Cancelled,
    [property: Id(3)] int Sequence);

[GenerateSerializer, Immutable]
public sealed record MeetingView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTime Start,
    [property: Id(3)] int DurationMinutes,
    [property: Id(4)] string TimeZone,
    [property: Id(5)] string Location,
    [property: Id(6)] string FacilitatorUserId,
    [property: Id(7)] IReadOnlyList<string> AttendeeUserIds,
    [property: Id(8)] MeetingRecurrence Recurrence,
    [property: Id(9)] DateOnly? Until,
    [property: Id(10)] string? RRule,
    [property: Id(11)] int Sequence,
    [property: Id(12)] bool Cancelled,
    [property: Id(13)] int Version,
    [property: Id(14)] string UpdatedByName,
    [property: Id(15)] IReadOnlyList<OccurrenceChangeView> Changes,
    [property: Id(16)] IReadOnlyList<Guid>? KpiIds = null);

/// <summary>
/// One occurrence: <c>Occurrence</c> is its identity (the rule's original wall-clock start; null for a single
/// meeting), <c>StartUtc</c> the moment it now begins, <c>StartLocal</c> that moment in the organiser's zone.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OccurrenceView(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] DateTime? Occurrence,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset StartUtc,
    [property: Id(4)] DateTimeOffset EndUtc,
    [property: Id(5)] DateTime StartLocal,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] string Location,
    [property: Id(8)] string FacilitatorUserId,
    [property: Id(9)] IReadOnlyList<string> AttendeeUserIds,
    [property: Id(10)] MeetingRecurrence Recurrence,
    [property: Id(11)] bool Cancelled,
    [property: Id(12)] bool Moved);

[GenerateSerializer, Immutable]
public sealed record MoveOccurrenceInput([property: Id(0)] DateTime Start);

[GenerateSerializer, Immutable]
public sealed record AgendaItemInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1)] string Title,
    [property: Id(2)] string? OwnerUserId,
    [property: Id(3)] int Minutes,
    [property: Id(4)] MeetingLink? Link);

[GenerateSerializer, Immutable]
public sealed record AgendaItemView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid MeetingId,
    [property: Id(2)] DateTime? Occurrence,
    [property: Id(3)] string Title,
    [property: Id(4)] string? OwnerUserId,
    [property: Id(5)] string? OwnerName,
    [property: Id(6)] int Minutes,
    [property: Id(7)] MeetingLink? Link,
    [property: Id(8)] double SortOrder,
    [property: Id(9)] int Version,
    [property: Id(10)] bool? Reached = null);

/// <summary>The agenda of one occurrence in its new order (every item of it, each once), made on the order of
/// <c>Version</c> (from <see cref="AgendaOrderView"/>); an older version is a 409 carrying the current order.</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaOrderInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1)] IReadOnlyList<Guid> ItemIds,
    [property: Id(2), VersionNumber] int Version);

[GenerateSerializer, Immutable]
public sealed record DecisionInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Why,
    [property: Id(3)] IReadOnlyList<Guid>? PartyIds,
    [property: Id(4)] IReadOnlyList<MeetingLink>? Links,
    [property: Id(5)] Guid? SupersedesId,
    [property: Id(6)] ClauseLinkInput? Clause = null);

/// <summary>A new wording of a decision: <c>Reason</c> says why, <c>Revision</c> is the one it replaces.</summary>
[GenerateSerializer, Immutable]
public sealed record DecisionRevisionInput(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Why,
    [property: Id(2)] IReadOnlyList<Guid>? PartyIds,
    [property: Id(3)] IReadOnlyList<MeetingLink>? Links,
    [property: Id(4)] string Reason,
    [property: Id(5), VersionNumber] int Revision,
    [property: Id(6)] ClauseLinkInput? Clause = null);

[GenerateSerializer, Immutable]
public sealed record DecisionRevisionView(
    [property: Id(0)] int Revision,
    [property: Id(1)] string Text,
    [property: Id(2)] string Why,
    [property: Id(3)] IReadOnlyList<Guid> PartyIds,
    [property: Id(4)] IReadOnlyList<MeetingLink> Links,
    [property: Id(5)] string ChangedByName,
    [property: Id(6)] string Reason,
    [property: Id(7)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record DecisionView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid MeetingId,
    [property: Id(2)] DateTime? Occurrence,
    [property: Id(3)] string Text,
    [property: Id(4)] string Why,
    [property: Id(5)] IReadOnlyList<Guid> PartyIds,
    [property: Id(6)] IReadOnlyList<MeetingLink> Links,
    [property: Id(7)] int Revision,
    [property: Id(8)] Guid? SupersedesId,
    [property: Id(9)] Guid? SupersededById,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] IReadOnlyList<DecisionRevisionView> Revisions,
    [property: Id(12)] Guid? AgendaItemId = null,
    [property: Id(13)] ClauseLinkView? Clause = null);

public sealed record CalendarFeedView(string Url);
