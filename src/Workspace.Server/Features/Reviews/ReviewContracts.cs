using System.ComponentModel.DataAnnotations;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Reviews;

/// <summary>Opening a round. The goals asked about are the partnership's goals at this moment, never the
/// body's.</summary>
[GenerateSerializer, Immutable]
public sealed record OpenReviewInput(
    [property: Id(0), Required, MaxLength(ReviewLimits.TitleMax)] string Title,
    [property: Id(1), Required, SensibleDate] DateOnly? PeriodFrom,
    [property: Id(2), Required, SensibleDate] DateOnly? PeriodTo,
    [property: Id(3), Required, SensibleDate] DateOnly? ClosesOn);

[GenerateSerializer, Immutable]
public sealed record GoalScoreInput([property: Id(0)] Guid GoalId, [property: Id(1)] int Score);

/// <summary>
/// A member's own answer (given again, it replaces the earlier one while the round is open). <c>UserId</c> may be
/// left out; when given it must be the caller's own: nobody answers for somebody else.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReviewAnswerInput(
    [property: Id(0), Range(ReviewLimits.ScoreMin, ReviewLimits.ScoreMax)] int Overall,
    [property: Id(1), Range(ReviewLimits.ScoreMin, ReviewLimits.ScoreMax)] int Communication,
    [property: Id(2), Range(ReviewLimits.ScoreMin, ReviewLimits.ScoreMax)] int Fairness,
    [property: Id(3), Range(ReviewLimits.ScoreMin, ReviewLimits.ScoreMax)] int Progress,
    [property: Id(4)] IReadOnlyList<GoalScoreInput>? Goals,
    [property: Id(5), MaxLength(ReviewLimits.TextMax)] string? WhatWorks,
    [property: Id(6), MaxLength(ReviewLimits.TextMax)] string? WhatShouldChange,
    [property: Id(7), MaxLength(64)] string? UserId = null);

[GenerateSerializer, Immutable]
public sealed record ReviewChangeInput([property: Id(0), Required, MaxLength(ReviewLimits.ChangeMax)] string Text);

/// <summary>Turning an agreed change into an action item: its owner (a member) and due date, both optional, and the
/// language ("en" or "id") of the person making it, in which the item's note says where it came from.</summary>
[GenerateSerializer, Immutable]
public sealed record ChangeToItemInput(
    [property: Id(0), MaxLength(64)] string? OwnerUserId,
    [property: Id(1), SensibleDate] DateOnly? DueDate,
    [property: Id(2), AllowedValues(null, "en", "id")] string? Language = null);

/// <summary>Who acts: the person, and the party and role of their membership (never from the body).</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewActor(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] Guid PartyId,
    [property: Id(2)] PartnershipRole Role);

[GenerateSerializer, Immutable]
public sealed record ReviewGoal([property: Id(0)] Guid Id, [property: Id(1)] string Title);

/// <summary>How many members of one party have answered (all a member sees of the answers while the round is
/// open, so that no party anchors the other).</summary>
[GenerateSerializer, Immutable]
public sealed record PartyProgress(
    [property: Id(0)] Guid PartyId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Answered,
    [property: Id(3)] int Members);

/// <summary>One question's averages: per party (null where nobody of the party scored it) and over everyone.</summary>
[GenerateSerializer, Immutable]
public sealed record QuestionResult(
    [property: Id(0)] string Question,
    [property: Id(1)] Guid? GoalId,
    [property: Id(2)] IReadOnlyDictionary<Guid, double?> ByParty,
    [property: Id(3)] double? All);

/// <summary>The free texts of one party's members (without their names).</summary>
[GenerateSerializer, Immutable]
public sealed record PartyTexts(
    [property: Id(0)] Guid PartyId,
    [property: Id(1)] IReadOnlyList<string> WhatWorks,
    [property: Id(2)] IReadOnlyList<string> WhatShouldChange);

[GenerateSerializer, Immutable]
public sealed record ReviewResults(
    [property: Id(0)] IReadOnlyList<QuestionResult> Questions,
    [property: Id(1)] IReadOnlyList<PartyTexts> Texts);

[GenerateSerializer, Immutable]
public sealed record ReviewChangeView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Number,
    [property: Id(2)] string Text,
    [property: Id(3)] Guid PartyId,
    [property: Id(4)] string ByName,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] Guid? ActionItemId,
    [property: Id(7)] int? ActionItemNumber);

/// <summary>A member's own answer, for them to change while the round is open.</summary>
[GenerateSerializer, Immutable]
public sealed record MyAnswerView(
    [property: Id(0)] int Overall,
    [property: Id(1)] int Communication,
    [property: Id(2)] int Fairness,
    [property: Id(3)] int Progress,
    [property: Id(4)] IReadOnlyDictionary<Guid, int> Goals,
    [property: Id(5)] string WhatWorks,
    [property: Id(6)] string WhatShouldChange,
    [property: Id(7)] DateTimeOffset At);

/// <summary>
/// A round as one member sees it: <c>Results</c> only once it is closed; <c>Mine</c> only in the answer to that
/// member (never in a push to the partnership).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReviewView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Number,
    [property: Id(2)] string Title,
    [property: Id(3)] DateOnly PeriodFrom,
    [property: Id(4)] DateOnly PeriodTo,
    [property: Id(5)] DateOnly ClosesOn,
    [property: Id(6)] ReviewStatus Status,
    [property: Id(7)] IReadOnlyList<ReviewGoal> Goals,
    [property: Id(8)] IReadOnlyList<PartyProgress> Progress,
    [property: Id(9)] string OpenedByName,
    [property: Id(10)] DateTimeOffset OpenedAt,
    [property: Id(11)] string ClosedByName,
    [property: Id(12)] DateTimeOffset? ClosedAt,
    [property: Id(13)] ReviewResults? Results,
    [property: Id(14)] IReadOnlyList<ReviewChangeView> Changes,
    [property: Id(15)] MyAnswerView? Mine);

/// <summary>A line of the list; <c>OverallByParty</c> (for the trend) only of closed rounds.</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Number,
    [property: Id(2)] string Title,
    [property: Id(3)] DateOnly PeriodFrom,
    [property: Id(4)] DateOnly PeriodTo,
    [property: Id(5)] DateOnly ClosesOn,
    [property: Id(6)] ReviewStatus Status,
    [property: Id(7)] IReadOnlyList<PartyProgress> Progress,
    [property: Id(8)] IReadOnlyDictionary<Guid, double?>? OverallByParty,
    [property: Id(9)] bool AnsweredByMe,
    [property: Id(10)] DateTimeOffset? ClosedAt);

/// <summary>The list page: the rounds (newest first) and the parties, named for the trend's legend.</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewList(
    [property: Id(0)] IReadOnlyList<ReviewSummary> Rounds,
    [property: Id(1)] IReadOnlyList<PartyView> Parties);
