using System.ComponentModel.DataAnnotations;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Goals;

[GenerateSerializer, Immutable]
public sealed record MeasurementView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] double? Value,
    [property: Id(3)] string Note,
    [property: Id(4)] string EnteredBy,
    [property: Id(5)] DateTimeOffset EnteredAt);

/// <summary>
/// Where a KPI's latest value stands against where it should be by now (its planned path): Green on track (or the
/// target met), Amber at risk, Red behind; None before the first measurement, or unmet without a target date.
/// </summary>
public enum Rag { None, Green, Amber, Red }

[GenerateSerializer, Immutable]
public sealed record KpiView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid? GoalId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Unit,
    [property: Id(4)] KpiDirection Direction,
    [property: Id(5)] double? Baseline,
    [property: Id(6)] double? Target,
    [property: Id(7)] Guid OwnerPartyId,
    [property: Id(8)] int Version,
    [property: Id(9)] IReadOnlyList<MeasurementView> Measurements,
    [property: Id(10)] double? Latest,
    [property: Id(11)] Rag Status,
    [property: Id(12)] double? Attainment,
    [property: Id(13)] DateOnly? StartDate = null,
    [property: Id(14)] DateOnly? TargetDate = null,
    [property: Id(15)] IReadOnlyList<KpiMilestone>? Milestones = null,
    [property: Id(16)] double? Expected = null,
    [property: Id(17)] IReadOnlyList<KpiMilestone>? Plan = null,
    [property: Id(18)] string UpdatedByName = "");

[GenerateSerializer, Immutable]
public sealed record GoalView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] string SuccessCriteria,
    [property: Id(4)] Guid OwnerPartyId,
    [property: Id(5)] DateOnly? TargetDate,
    [property: Id(6)] GoalStatus Status,
    [property: Id(7)] int Version,
    [property: Id(8)] double? Progress,
    [property: Id(9)] Rag KpiStatus = Rag.None,
    [property: Id(10)] string UpdatedByName = "");

[GenerateSerializer, Immutable]
public sealed record GoalsBoard(
    [property: Id(0)] IReadOnlyList<GoalView> Goals,
    [property: Id(1)] IReadOnlyList<KpiView> Kpis);

[GenerateSerializer, Immutable]
public sealed record GoalInput(
    [property: Id(0), Required, MaxLength(GoalLimits.TitleMax)] string Title,
    [property: Id(1), MaxLength(GoalLimits.TextMax)] string? Description,
    [property: Id(2), MaxLength(GoalLimits.TextMax)] string? SuccessCriteria,
    [property: Id(3)] Guid OwnerPartyId,
    [property: Id(4), SensibleDate] DateOnly? TargetDate,
    [property: Id(5)] GoalStatus Status,
    [property: Id(6), VersionNumber] int Version);

[GenerateSerializer, Immutable]
public sealed record KpiInput(
    [property: Id(0), Required, MaxLength(GoalLimits.KpiNameMax)] string Name,
    [property: Id(1), MaxLength(GoalLimits.UnitMax)] string? Unit,
    [property: Id(2)] KpiDirection Direction,
    [property: Id(3), SensibleNumber] double? Baseline,
    [property: Id(4), SensibleNumber] double Target,
    [property: Id(5)] Guid OwnerPartyId,
    [property: Id(6)] Guid? GoalId,
    [property: Id(7), VersionNumber] int Version,
    [property: Id(8), SensibleDate] DateOnly? StartDate = null,
    [property: Id(9), SensibleDate] DateOnly? TargetDate = null,
    [property: Id(10)] IReadOnlyList<KpiMilestone>? Milestones = null);

[GenerateSerializer, Immutable]
public sealed record MeasurementInput(
    [property: Id(0), Required] DateOnly? Date,
    [property: Id(1), Required, SensibleNumber] double? Value,
    [property: Id(2), MaxLength(GoalLimits.NoteMax)] string? Note);
