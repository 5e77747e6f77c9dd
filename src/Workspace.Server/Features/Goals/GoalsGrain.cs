using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Goals;

public interface IGoalsGrain : IGrainWithGuidKey
{
    Task<GoalsBoard> GetBoardAsync();
    Task<Outcome<GoalView>> CreateGoalAsync(Actor actor, GoalInput input);
    Task<Outcome<GoalView>> UpdateGoalAsync(Actor actor, Guid goalId, GoalInput input);
    Task<Outcome<GoalView>> DeleteGoalAsync(Actor actor, Guid goalId, int version);
    Task<Outcome<KpiView>> CreateKpiAsync(Actor actor, KpiInput input);
    Task<Outcome<KpiView>> UpdateKpiAsync(Actor actor, Guid kpiId, KpiInput input);
    Task<Outcome<KpiView>> DeleteKpiAsync(Actor actor, Guid kpiId, int version);
    Task<Outcome<KpiView>> AddMeasurementAsync(Actor actor, Guid kpiId, MeasurementInput input);
    Task<Outcome<KpiView>> DeleteMeasurementAsync(Actor actor, Guid kpiId, Guid measurementId);
}

/// <summary>
/// The single authority for one partnership's goals and KPIs (keyed by partnership id). Kept apart
/// from <see cref="PartnershipGrain"/> so membership checks never wait behind KPI writes.
/// </summary>
public sealed partial class GoalsGrain(IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, TimeProvider clock)
    : Grain, IGoalsGrain
{
    private readonly Dictionary<Guid, Goal> _goals = [];
    private readonly Dictionary<Guid, Kpi> _kpis = [];
    private readonly Dictionary<Guid, List<KpiMeasurement>> _measurements = [];

    private Guid PartnershipId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        foreach (var g in await db.Set<Goal>().AsNoTracking()
            .Where(g => g.PartnershipId == PartnershipId && g.DeletedAt == null).ToListAsync(cancellationToken))
        {
            _goals[g.Id] = g;
        }
        foreach (var k in await db.Set<Kpi>().AsNoTracking()
            .Where(k => k.PartnershipId == PartnershipId && k.DeletedAt == null).ToListAsync(cancellationToken))
        {
            _kpis[k.Id] = k;
            _measurements[k.Id] = [];
        }
        foreach (var m in await db.Set<KpiMeasurement>().AsNoTracking().Where(m => m.PartnershipId == PartnershipId)
            .ToListAsync(cancellationToken))
        {
            if (_measurements.TryGetValue(m.KpiId, out var list))
            {
                list.Add(m);
            }
        }
        foreach (var list in _measurements.Values)
        {
            list.Sort(ByDate);
        }
    }

    public Task<GoalsBoard> GetBoardAsync() => Task.FromResult(new GoalsBoard(
        _goals.Values.OrderBy(g => g.TargetDate ?? DateOnly.MaxValue).ThenBy(g => g.CreatedAt).Select(View).ToList(),
        _kpis.Values.OrderBy(k => k.CreatedAt).Select(View).ToList()));

    public async Task<Outcome<GoalView>> CreateGoalAsync(Actor actor, GoalInput input)
    {
        if (await ValidateAsync(input) is { } invalid)
        {
            return Outcome<GoalView>.Invalid(invalid);
        }
        var now = clock.GetUtcNow();
        var goal = new Goal
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, CreatedAt = now, Version = 1,
            UpdatedByName = actor.DisplayName,
        };
        Apply(goal, input, now);
        await SaveAsync(db => db.Add(goal), actor, "goal.created", $"added the goal “{goal.Title}”",
            new { title = goal.Title });
        _goals[goal.Id] = goal;
        return await PublishAsync("goal.updated", View(goal));
    }

    public Task<Outcome<GoalView>> UpdateGoalAsync(Actor actor, Guid goalId, GoalInput input) => ChangeAsync(
        Goals, goalId, input.Version, actor, () => ValidateAsync(input),
        g =>
        {
            Apply(g, input, clock.GetUtcNow());
            g.UpdatedByName = actor.DisplayName;
        },
        (before, g) => g.Status != before.Status
            ? new("goal.status", $"set the goal “{g.Title}” to {g.Status}",
                new { title = g.Title, status = g.Status.ToString() })
            : new("goal.updated", $"updated the goal “{g.Title}”", new { title = g.Title }),
        async (before, g) =>
        {
            // KPIs without a target date of their own are planned to the goal's.
            var replanned = _kpis.Values.Where(k =>
                k.GoalId == goalId && k.TargetDate is null && g.TargetDate != before.TargetDate);
            foreach (var kpi in replanned)
            {
                await feed.PublishAsync(PartnershipId, "kpi.updated", View(kpi));
            }
            return await PublishAsync("goal.updated", View(g));
        });

    public Task<Outcome<GoalView>> DeleteGoalAsync(Actor actor, Guid goalId, int version) => ChangeAsync(
        Goals, goalId, version, actor, validate: null, g => g.DeletedAt = clock.GetUtcNow(),
        (_, g) => new("goal.deleted", $"deleted the goal “{g.Title}”", new { title = g.Title }),
        (_, g) => PublishAsync("goal.deleted", View(g)));

    public async Task<Outcome<KpiView>> CreateKpiAsync(Actor actor, KpiInput input)
    {
        if (await ValidateAsync(input) is { } invalid)
        {
            return Outcome<KpiView>.Invalid(invalid);
        }
        var kpi = new Kpi
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, CreatedAt = clock.GetUtcNow(), Version = 1,
            UpdatedByName = actor.DisplayName,
        };
        Apply(kpi, input);
        kpi.StartDate ??= DateOnly.FromDateTime(kpi.CreatedAt.UtcDateTime);
        await SaveAsync(db => db.Add(kpi), actor, "kpi.created", $"added the KPI “{kpi.Name}”",
            new { name = kpi.Name });
        _kpis[kpi.Id] = kpi;
        _measurements[kpi.Id] = [];
        return await PublishKpiAsync(kpi);
    }

    public Task<Outcome<KpiView>> UpdateKpiAsync(Actor actor, Guid kpiId, KpiInput input) => ChangeAsync(
        Kpis, kpiId, input.Version, actor, () => ValidateAsync(input),
        k =>
        {
            Apply(k, input);
            k.UpdatedByName = actor.DisplayName;
        },
        (_, k) => new("kpi.updated", $"updated the KPI “{k.Name}”", new { name = k.Name }),
        (_, k) => PublishKpiAsync(k));

    public Task<Outcome<KpiView>> DeleteKpiAsync(Actor actor, Guid kpiId, int version) => ChangeAsync(
        Kpis, kpiId, version, actor, validate: null, k => k.DeletedAt = clock.GetUtcNow(),
        (_, k) => new("kpi.deleted", $"deleted the KPI “{k.Name}”", new { name = k.Name }),
        async (_, k) =>
        {
            var view = View(k);
            _measurements.Remove(kpiId);
            await feed.PublishAsync(PartnershipId, "kpi.deleted", view);
            return Outcome<KpiView>.Ok(view);
        });

    public async Task<Outcome<KpiView>> AddMeasurementAsync(Actor actor, Guid kpiId, MeasurementInput input)
    {
        if (!_kpis.TryGetValue(kpiId, out var kpi))
        {
            return Outcome<KpiView>.NotFound(
                ErrorCodes.UnknownKpi, "This KPI does not exist (it may have been deleted).");
        }
        if (input.Value is not { } value || !Bounds.IsSensible(value))
        {
            var (code, args) = input.Value is { } given ? Bounds.NumberRefusal(given) : (ErrorCodes.Required, null);
            return Outcome<KpiView>.Invalid(new FieldError("value", code, Bounds.NumberMessage("The value"), args));
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.Date is not { } date || date < new DateOnly(1990, 1, 1) || date > today.AddDays(1))
        {
            return Outcome<KpiView>.Invalid("date", ErrorCodes.DateOutOfRange,
                "A measurement needs a date between 1990 and today.",
                ("min", "1990-01-01"),
                ("max", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
        if ((input.Note?.Length ?? 0) > GoalLimits.NoteMax)
        {
            return Outcome<KpiView>.Invalid("note", ErrorCodes.TooLong,
                $"The note is longer than {GoalLimits.NoteMax} characters.", ("max", GoalLimits.NoteMax));
        }
        var measurement = new KpiMeasurement
        {
            Id = Guid.NewGuid(),
            KpiId = kpiId,
            PartnershipId = PartnershipId,
            Date = date,
            Value = value,
            Note = input.Note?.Trim() ?? "",
            EnteredByUserId = actor.UserId,
            EnteredByName = actor.DisplayName,
            EnteredAt = clock.GetUtcNow(),
        };
        await SaveAsync(db => db.Add(measurement), actor, "kpi.measured",
            $"recorded {value:0.##} {kpi.Unit} for “{kpi.Name}” on {date:yyyy-MM-dd}",
            new { value, unit = kpi.Unit, name = kpi.Name, date });
        var list = _measurements[kpiId];
        list.Add(measurement);
        list.Sort(ByDate);
        return await PublishKpiAsync(kpi);
    }

    public async Task<Outcome<KpiView>> DeleteMeasurementAsync(Actor actor, Guid kpiId, Guid measurementId)
    {
        if (!_kpis.TryGetValue(kpiId, out var kpi)
            || _measurements[kpiId].Find(m => m.Id == measurementId) is not { } measurement)
        {
            return Outcome<KpiView>.NotFound(
                ErrorCodes.UnknownMeasurement, "This measurement does not exist (it may have been deleted).");
        }
        await SaveAsync(db => db.Remove(measurement), actor, "kpi.measurement-deleted",
            $"removed the {measurement.Date:yyyy-MM-dd} value of “{kpi.Name}”",
            new { name = kpi.Name, date = measurement.Date });
        _measurements[kpiId].Remove(measurement);
        return await PublishKpiAsync(kpi);
    }

    private Task SaveAsync(Action<WorkspaceDb> change, Actor actor, string kind, string summary, object? args = null) =>
        feed.SaveAsync(PartnershipId, change, actor, kind, summary, args);

    private async Task<Outcome<GoalView>> PublishAsync(string kind, GoalView view)
    {
        await feed.PublishAsync(PartnershipId, kind, view);
        return Outcome<GoalView>.Ok(view);
    }

    private async Task<Outcome<KpiView>> PublishKpiAsync(Kpi kpi)
    {
        var view = View(kpi);
        await feed.PublishAsync(PartnershipId, "kpi.updated", view);
        // A KPI's new value moves its goal's progress.
        if (kpi.GoalId is { } goalId && _goals.TryGetValue(goalId, out var goal))
        {
            await feed.PublishAsync(PartnershipId, "goal.updated", View(goal));
        }
        return Outcome<KpiView>.Ok(view);
    }

    private static void Apply(Goal goal, GoalInput input, DateTimeOffset now)
    {
        goal.Title = input.Title.Trim();
        goal.Description = input.Description?.Trim() ?? "";
        goal.SuccessCriteria = input.SuccessCriteria?.Trim() ?? "";
        goal.OwnerPartyId = input.OwnerPartyId;
        goal.TargetDate = input.TargetDate;
        goal.Status = input.Status;
        goal.UpdatedAt = now;
    }

    private static void Apply(Kpi kpi, KpiInput input)
    {
        kpi.Name = input.Name.Trim();
        kpi.Unit = input.Unit?.Trim() ?? "";
        kpi.Direction = input.Direction;
        kpi.Baseline = input.Baseline;
        kpi.Target = input.Target;
        kpi.OwnerPartyId = input.OwnerPartyId;
        kpi.GoalId = input.GoalId;
        kpi.StartDate = input.StartDate;
        kpi.TargetDate = input.TargetDate;
        kpi.Milestones = [.. input.Milestones ?? []];
    }

    // Entities held by the grain are never mutated in place, so a failed save leaves the state as it was.
    private static Goal Copy(Goal g) => new()
    {
        Id = g.Id, PartnershipId = g.PartnershipId, Title = g.Title, Description = g.Description,
        SuccessCriteria = g.SuccessCriteria, OwnerPartyId = g.OwnerPartyId, TargetDate = g.TargetDate,
        Status = g.Status, Version = g.Version, CreatedAt = g.CreatedAt,
        UpdatedAt = g.UpdatedAt, DeletedAt = g.DeletedAt, UpdatedByName = g.UpdatedByName,
    };

    private static Kpi Copy(Kpi k) => new()
    {
        Id = k.Id, PartnershipId = k.PartnershipId, GoalId = k.GoalId, Name = k.Name, Unit = k.Unit,
        Direction = k.Direction, Baseline = k.Baseline, Target = k.Target, StartDate = k.StartDate,
        TargetDate = k.TargetDate, Milestones = k.Milestones, OwnerPartyId = k.OwnerPartyId, Version = k.Version,
        CreatedAt = k.CreatedAt, DeletedAt = k.DeletedAt,
        UpdatedByName = k.UpdatedByName,
    };

    private static int ByDate(KpiMeasurement a, KpiMeasurement b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        return byDate != 0 ? byDate : a.EnteredAt.CompareTo(b.EnteredAt);
    }

    private GoalView View(Goal g)
    {
        var kpis = _kpis.Values.Where(k => k.GoalId == g.Id).Select(View).ToList();
        double? progress = g.Status == GoalStatus.Achieved ? 1 : null;
        if (progress is null)
        {
            var attainments = kpis.Select(k => Bounds.Finite(k.Attainment)).OfType<double>().ToList();
            progress = attainments.Count > 0 ? attainments.Average(a => Math.Clamp(a, 0, 1)) : null;
        }
        // The goal stands where its weakest measured KPI stands.
        var status = kpis.Select(k => k.Status).Where(r => r != Rag.None).DefaultIfEmpty(Rag.None).Max();
        return new GoalView(g.Id, g.Title, g.Description, g.SuccessCriteria, g.OwnerPartyId, g.TargetDate, g.Status,
            g.Version, progress, status, g.UpdatedByName);
    }

    private KpiView View(Kpi k)
    {
        var measurements = _measurements.TryGetValue(k.Id, out var list) ? list : [];
        double? latest = measurements.Count > 0 ? measurements[^1].Value : null;
        // Without a baseline the KPI is taken to have started where it was first measured.
        var baseline = k.Baseline ?? (measurements.Count > 0 ? measurements[0].Value : null);
        var end = k.TargetDate
            ?? (k.GoalId is { } goalId && _goals.TryGetValue(goalId, out var goal) ? goal.TargetDate : null);
        var start = k.StartDate ?? DateOnly.FromDateTime(k.CreatedAt.UtcDateTime);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var pace = KpiStatus.Pace(k.Direction, baseline, k.Target, start, end, k.Milestones, latest, today);
        // Figures that are not finite (only a damaged database holds them) show as unknown rather than break the page.
        return new KpiView(
            k.Id, k.GoalId, k.Name, k.Unit, k.Direction, Bounds.Finite(k.Baseline), Bounds.Finite(k.Target),
            k.OwnerPartyId, k.Version,
            measurements.Select(m => new MeasurementView(
                m.Id, m.Date, Bounds.Finite(m.Value), m.Note, m.EnteredByName, m.EnteredAt)).ToList(),
            Bounds.Finite(latest), pace.Status, KpiStatus.Attainment(k.Direction, k.Baseline, k.Target, latest),
            k.StartDate, k.TargetDate, k.Milestones, pace.Expected, pace.Plan, k.UpdatedByName);
    }
}
