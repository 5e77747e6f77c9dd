using System.ComponentModel.DataAnnotations;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.Meetings;

/// <summary>Where a meeting run is: not started, running (one agenda item current), or ended.</summary>
public enum RunState { NotStarted, Running, Ended }

/// <summary>A run command that needs nothing but the occurrence (start, next, previous).</summary>
[GenerateSerializer, Immutable]
public sealed record RunStepInput([property: Id(0)] DateTime? Occurrence);

/// <summary>One person present or absent; any member of any party may be marked.</summary>
[GenerateSerializer, Immutable]
public sealed record AttendanceInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1), Required, MaxLength(MeetingLimits.UserIdMax)] string UserId,
    [property: Id(2)] bool Present);

/// <summary>The facilitator role for this occurrence goes to another attendee.</summary>
[GenerateSerializer, Immutable]
public sealed record HandOverInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1), Required, MaxLength(MeetingLimits.UserIdMax)] string UserId);

/// <summary>What becomes of an agenda item the meeting did not reach.</summary>
[GenerateSerializer, Immutable]
public sealed record UnreachedChoice(
    [property: Id(0)] Guid AgendaItemId,
    [property: Id(1)] bool Carry);

/// <summary>Ends the run; an unreached item not named in <c>Items</c> is carried.</summary>
[GenerateSerializer, Immutable]
public sealed record EndRunInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1)] IReadOnlyList<UnreachedChoice>? Items);

/// <summary>A decision captured under the current agenda item.</summary>
[GenerateSerializer, Immutable]
public sealed record CaptureDecisionInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1), Required, MaxLength(MeetingLimits.DecisionTextMax)] string Text,
    [property: Id(2), MaxLength(MeetingLimits.DecisionWhyMax)] string? Why,
    [property: Id(3)] ClauseLinkInput? Clause = null);

/// <summary>An action item captured under the current agenda item; it remembers the meeting.</summary>
[GenerateSerializer, Immutable]
public sealed record CaptureActionInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1), Required, MaxLength(ActionItemLimits.TitleMax)] string Title,
    [property: Id(2), MaxLength(MeetingLimits.UserIdMax)] string? OwnerUserId,
    [property: Id(3), SensibleDate] DateOnly? DueDate,
    [property: Id(4)] ClauseLinkInput? Clause = null);

[GenerateSerializer, Immutable]
public sealed record RunItemView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? OwnerName,
    [property: Id(3)] int Minutes,
    [property: Id(4)] int SecondsSpent,
    [property: Id(5)] AgendaOutcome? Outcome);

/// <summary>A member as the attendance list shows them; <c>Present</c> is null until marked.</summary>
[GenerateSerializer, Immutable]
public sealed record AttendanceView(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] Guid PartyId,
    [property: Id(3)] bool Invited,
    [property: Id(4)] bool? Present);

/// <summary>A decision or action item captured in the run (<c>Kind</c> "decision" or "action").</summary>
[GenerateSerializer, Immutable]
public sealed record CaptureView(
    [property: Id(0)] string Kind,
    [property: Id(1)] Guid Id,
    [property: Id(2)] Guid? AgendaItemId,
    [property: Id(3)] string Text,
    [property: Id(4)] int? Number,
    [property: Id(5)] string? OwnerName,
    [property: Id(6)] DateOnly? DueDate,
    [property: Id(7)] DateTimeOffset At);

/// <summary>
/// A meeting occurrence as run. Timers: the current item has run <c>SecondsSpent</c> plus the time since
/// <c>CurrentSince</c>; clients take the clock from <c>ServerNow</c> (the moment this view was made).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunView(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] DateTime? Occurrence,
    [property: Id(2)] RunState State,
    [property: Id(3)] string FacilitatorUserId,
    [property: Id(4)] Guid? CurrentItemId,
    [property: Id(5)] DateTimeOffset? CurrentSince,
    [property: Id(6)] DateTimeOffset ServerNow,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? EndedAt,
    [property: Id(9)] IReadOnlyList<RunItemView> Items,
    [property: Id(10)] IReadOnlyList<AttendanceView> Attendance,
    [property: Id(11)] IReadOnlyList<CaptureView> Captures,
    [property: Id(12)] int Version);
