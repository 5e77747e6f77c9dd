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

/// <summary>Red/amber/green of a KPI's latest value against its target; None before the first measurement.</summary>
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
    [property: Id(12)] double? Attainment);

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
    [property: Id(8)] double? Progress);

[GenerateSerializer, Immutable]
public sealed record GoalsBoard(
    [property: Id(0)] IReadOnlyList<GoalView> Goals,
    [property: Id(1)] IReadOnlyList<KpiView> Kpis);

[GenerateSerializer, Immutable]
public sealed record GoalInput(
    [property: Id(0), Required, MaxLength(200)] string Title,
    [property: Id(1), MaxLength(4000)] string? Description,
    [property: Id(2), MaxLength(4000)] string? SuccessCriteria,
    [property: Id(3)] Guid OwnerPartyId,
    [property: Id(4), SensibleDate] DateOnly? TargetDate,
    [property: Id(5)] GoalStatus Status,
    [property: Id(6), VersionNumber] int Version);

[GenerateSerializer, Immutable]
public sealed record KpiInput(
    [property: Id(0), Required, MaxLength(200)] string Name,
    [property: Id(1), MaxLength(40)] string? Unit,
    [property: Id(2)] KpiDirection Direction,
    [property: Id(3), SensibleNumber] double? Baseline,
    [property: Id(4), SensibleNumber] double Target,
    [property: Id(5)] Guid OwnerPartyId,
    [property: Id(6)] Guid? GoalId,
    [property: Id(7), VersionNumber] int Version);

[GenerateSerializer, Immutable]
public sealed record MeasurementInput(
    [property: Id(0)] DateOnly Date,
    [property: Id(1), SensibleNumber] double Value,
    [property: Id(2), MaxLength(1000)] string? Note);
