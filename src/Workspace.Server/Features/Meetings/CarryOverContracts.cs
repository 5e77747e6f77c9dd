using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Goals;

namespace Workspace.Server.Features.Meetings;

/// <summary>One occurrence's agenda in order, with the version a reorder must name.</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaOrderView(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] DateTime? Occurrence,
    [property: Id(2)] int Version,
    [property: Id(3)] IReadOnlyList<AgendaItemView> Items);

/// <summary>An open action item of the series and how many of its meetings (this one included) it has been
/// carried into since it was created.</summary>
[GenerateSerializer, Immutable]
public sealed record CarriedActionItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Number,
    [property: Id(2)] string Title,
    [property: Id(3)] string? OwnerUserId,
    [property: Id(4)] string? OwnerName,
    [property: Id(5)] DateOnly? DueDate,
    [property: Id(6)] ActionStatus Status,
    [property: Id(7)] int TimesCarried);

/// <summary>An agenda item the previous meeting of the series ended without reaching.</summary>
[GenerateSerializer, Immutable]
public sealed record CarriedAgendaItem(
    [property: Id(0)] AgendaItemView Item,
    [property: Id(1)] DateTime? FromOccurrence);

/// <summary>A KPI linked to the series: its target against its latest value.</summary>
[GenerateSerializer, Immutable]
public sealed record SeriesKpi(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Unit,
    [property: Id(3)] double? Target,
    [property: Id(4)] double? Latest,
    [property: Id(5)] double? Expected,
    [property: Id(6)] Rag Status,
    [property: Id(7)] DateOnly? LatestDate);

/// <summary>What an occurrence's agenda starts with, worked out from the series as it is when read; with when the
/// occurrence now begins (a move applied), so each person can be shown it in their own time.</summary>
[GenerateSerializer, Immutable]
public sealed record CarryOverView(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] DateTime? Occurrence,
    [property: Id(2)] DateTime? PreviousOccurrence,
    [property: Id(3)] IReadOnlyList<CarriedActionItem> ActionItems,
    [property: Id(4)] IReadOnlyList<CarriedAgendaItem> Unreached,
    [property: Id(5)] IReadOnlyList<SeriesKpi> Kpis,
    [property: Id(6)] DateTimeOffset StartUtc,
    [property: Id(7)] DateTime StartLocal);
