using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Features.Partnerships;
using Workspace.Server.Infrastructure;

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
public sealed class GoalsGrain(IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, TimeProvider clock) : Grain, IGoalsGrain
{
    private readonly Dictionary<Guid, Goal> _goals = [];
    private readonly Dictionary<Guid, Kpi> _kpis = [];
    private readonly Dictionary<Guid, List<KpiMeasurement>> _measurements = [];

    private Guid PartnershipId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        foreach (var g in await db.Set<Goal>().AsNoTracking().Where(g => g.PartnershipId == PartnershipId && g.DeletedAt == null).ToListAsync(cancellationToken))
        {
            _goals[g.Id] = g;
        }
        foreach (var k in await db.Set<Kpi>().AsNoTracking().Where(k => k.PartnershipId == PartnershipId && k.DeletedAt == null).ToListAsync(cancellationToken))
        {
            _kpis[k.Id] = k;
            _measurements[k.Id] = [];
        }
        foreach (var m in await db.Set<KpiMeasurement>().AsNoTracking().Where(m => m.PartnershipId == PartnershipId).ToListAsync(cancellationToken))
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
            return Outcome<GoalView>.Invalid(invalid.Field, invalid.Error);
        }
        var now = clock.GetUtcNow();
        var goal = new Goal { Id = Guid.NewGuid(), PartnershipId = PartnershipId, CreatedAt = now, Version = 1 };
        Apply(goal, input, now);
        await SaveAsync(db => db.Add(goal), actor, "goal.created", $"added the goal “{goal.Title}”", new { title = goal.Title });
        _goals[goal.Id] = goal;
        return await PublishAsync("goal.updated", View(goal));
    }

    public async Task<Outcome<GoalView>> UpdateGoalAsync(Actor actor, Guid goalId, GoalInput input)
    {
        if (!_goals.TryGetValue(goalId, out var current))
        {
            return Outcome<GoalView>.NotFound("This goal does not exist (it may have been deleted).");
        }
        if (current.Version != input.Version)
        {
            return Outcome<GoalView>.Conflict(View(current));
        }
        if (await ValidateAsync(input) is { } invalid)
        {
            return Outcome<GoalView>.Invalid(invalid.Field, invalid.Error);
        }
        var updated = Copy(current);
        Apply(updated, input, clock.GetUtcNow());
        updated.Version++;
        if (updated.Status != current.Status)
        {
            await SaveAsync(db => db.Update(updated), actor, "goal.status", $"set the goal “{updated.Title}” to {updated.Status}", new { title = updated.Title, status = updated.Status.ToString() });
        }
        else
        {
            await SaveAsync(db => db.Update(updated), actor, "goal.updated", $"updated the goal “{updated.Title}”", new { title = updated.Title });
        }
        _goals[goalId] = updated;
        return await PublishAsync("goal.updated", View(updated));
    }

    public async Task<Outcome<GoalView>> DeleteGoalAsync(Actor actor, Guid goalId, int version)
    {
        if (!_goals.TryGetValue(goalId, out var current))
        {
            return Outcome<GoalView>.NotFound("This goal does not exist (it may have been deleted).");
        }
        if (current.Version != version)
        {
            return Outcome<GoalView>.Conflict(View(current));
        }
        var deleted = Copy(current);
        deleted.DeletedAt = clock.GetUtcNow();
        deleted.Version++;
        await SaveAsync(db => db.Update(deleted), actor, "goal.deleted", $"deleted the goal “{deleted.Title}”", new { title = deleted.Title });
        _goals.Remove(goalId);
        return await PublishAsync("goal.deleted", View(deleted));
    }

    public async Task<Outcome<KpiView>> CreateKpiAsync(Actor actor, KpiInput input)
    {
        if (await ValidateAsync(input) is { } invalid)
        {
            return Outcome<KpiView>.Invalid(invalid.Field, invalid.Error);
        }
        var kpi = new Kpi { Id = Guid.NewGuid(), PartnershipId = PartnershipId, CreatedAt = clock.GetUtcNow(), Version = 1 };
        Apply(kpi, input);
        await SaveAsync(db => db.Add(kpi), actor, "kpi.created", $"added the KPI “{kpi.Name}”", new { name = kpi.Name });
        _kpis[kpi.Id] = kpi;
        _measurements[kpi.Id] = [];
        return await PublishKpiAsync(kpi);
    }

    public async Task<Outcome<KpiView>> UpdateKpiAsync(Actor actor, Guid kpiId, KpiInput input)
    {
        if (!_kpis.TryGetValue(kpiId, out var current))
        {
            return Outcome<KpiView>.NotFound("This KPI does not exist (it may have been deleted).");
        }
        if (current.Version != input.Version)
        {
            return Outcome<KpiView>.Conflict(View(current));
        }
        if (await ValidateAsync(input) is { } invalid)
        {
            return Outcome<KpiView>.Invalid(invalid.Field, invalid.Error);
        }
        var updated = Copy(current);
        Apply(updated, input);
        updated.Version++;
        await SaveAsync(db => db.Update(updated), actor, "kpi.updated", $"updated the KPI “{updated.Name}”", new { name = updated.Name });
        _kpis[kpiId] = updated;
        return await PublishKpiAsync(updated);
    }

    public async Task<Outcome<KpiView>> DeleteKpiAsync(Actor actor, Guid kpiId, int version)
    {
        if (!_kpis.TryGetValue(kpiId, out var current))
        {
            return Outcome<KpiView>.NotFound("This KPI does not exist (it may have been deleted).");
        }
        if (current.Version != version)
        {
            return Outcome<KpiView>.Conflict(View(current));
        }
        var deleted = Copy(current);
        deleted.DeletedAt = clock.GetUtcNow();
        deleted.Version++;
        await SaveAsync(db => db.Update(deleted), actor, "kpi.deleted", $"deleted the KPI “{deleted.Name}”", new { name = deleted.Name });
        var view = View(deleted);
        _kpis.Remove(kpiId);
        _measurements.Remove(kpiId);
        await feed.PublishAsync(PartnershipId, "kpi.deleted", view);
        return Outcome<KpiView>.Ok(view);
    }

    public async Task<Outcome<KpiView>> AddMeasurementAsync(Actor actor, Guid kpiId, MeasurementInput input)
    {
        if (!_kpis.TryGetValue(kpiId, out var kpi))
        {
            return Outcome<KpiView>.NotFound("This KPI does not exist (it may have been deleted).");
        }
        if (!Bounds.IsSensible(input.Value))
        {
            return Outcome<KpiView>.Invalid("value", Bounds.NumberMessage("The value"));
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.Date < new DateOnly(1990, 1, 1) || input.Date > today.AddDays(1))
        {
            return Outcome<KpiView>.Invalid("date", "A measurement needs a date between 1990 and today.");
        }
        if ((input.Note?.Length ?? 0) > 1000)
        {
            return Outcome<KpiView>.Invalid("note", "The note is longer than 1000 characters.");
        }
        var measurement = new KpiMeasurement
        {
            Id = Guid.NewGuid(),
            KpiId = kpiId,
            PartnershipId = PartnershipId,
            Date = input.Date,
            Value = input.Value,
            Note = input.Note?.Trim() ?? "",
            EnteredByUserId = actor.UserId,
            EnteredByName = actor.DisplayName,
            EnteredAt = clock.GetUtcNow(),
        };
        await SaveAsync(db => db.Add(measurement), actor, "kpi.measured", $"recorded {input.Value:0.##} {kpi.Unit} for “{kpi.Name}” on {input.Date:yyyy-MM-dd}",
            new { value = input.Value, unit = kpi.Unit, name = kpi.Name, date = input.Date });
        var list = _measurements[kpiId];
        list.Add(measurement);
        list.Sort(ByDate);
        return await PublishKpiAsync(kpi);
    }

    public async Task<Outcome<KpiView>> DeleteMeasurementAsync(Actor actor, Guid kpiId, Guid measurementId)
    {
        if (!_kpis.TryGetValue(kpiId, out var kpi) || _measurements[kpiId].Find(m => m.Id == measurementId) is not { } measurement)
        {
            return Outcome<KpiView>.NotFound("This measurement does not exist (it may have been deleted).");
        }
        await SaveAsync(db => db.Remove(measurement), actor, "kpi.measurement-deleted", $"removed the {measurement.Date:yyyy-MM-dd} value of “{kpi.Name}”",
            new { name = kpi.Name, date = measurement.Date });
        _measurements[kpiId].Remove(measurement);
        return await PublishKpiAsync(kpi);
    }

    private async Task<(string Field, string Error)?> ValidateAsync(GoalInput input)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            return ("title", "A goal needs a title of 1 to 200 characters.");
        }
        if ((input.Description?.Length ?? 0) > 4000 || (input.SuccessCriteria?.Length ?? 0) > 4000)
        {
            return ("description", "Description and success criteria are limited to 4000 characters each.");
        }
        if (!Enum.IsDefined(input.Status))
        {
            return ("status", "Unknown goal status.");
        }
        if (input.TargetDate is { } date && !Bounds.IsSensible(date))
        {
            return ("targetDate", Bounds.DateMessage("The target date"));
        }
        return await ValidatePartyAsync(input.OwnerPartyId);
    }

    private async Task<(string Field, string Error)?> ValidateAsync(KpiInput input)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return ("name", "A KPI needs a name of 1 to 200 characters.");
        }
        if ((input.Unit?.Length ?? 0) > 40)
        {
            return ("unit", "The unit is limited to 40 characters.");
        }
        if (!Bounds.IsSensible(input.Target))
        {
            return ("target", Bounds.NumberMessage("The target"));
        }
        if (input.Baseline is { } b && !Bounds.IsSensible(b))
        {
            return ("baseline", Bounds.NumberMessage("The baseline"));
        }
        if (!Enum.IsDefined(input.Direction))
        {
            return ("direction", "Direction is HigherIsBetter or LowerIsBetter.");
        }
        if (input.GoalId is { } goalId && !_goals.ContainsKey(goalId))
        {
            return ("goalId", "The linked goal does not exist.");
        }
        return await ValidatePartyAsync(input.OwnerPartyId);
    }

    private async Task<(string Field, string Error)?> ValidatePartyAsync(Guid partyId)
    {
        var partnership = await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync();
        return partnership?.Parties.Any(p => p.Id == partyId) == true
            ? null
            : ("ownerPartyId", "The owner must be one of the partnership's organisations.");
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
    }

    // Entities held by the grain are never mutated in place, so a failed save leaves the state as it was.
    private static Goal Copy(Goal g) => new()
    {
        Id = g.Id, PartnershipId = g.PartnershipId, Title = g.Title, Description = g.Description, SuccessCriteria = g.SuccessCriteria,
        OwnerPartyId = g.OwnerPartyId, TargetDate = g.TargetDate, Status = g.Status, Version = g.Version, CreatedAt = g.CreatedAt,
        UpdatedAt = g.UpdatedAt, DeletedAt = g.DeletedAt,
    };

    private static Kpi Copy(Kpi k) => new()
    {
        Id = k.Id, PartnershipId = k.PartnershipId, GoalId = k.GoalId, Name = k.Name, Unit = k.Unit, Direction = k.Direction,
        Baseline = k.Baseline, Target = k.Target, OwnerPartyId = k.OwnerPartyId, Version = k.Version, CreatedAt = k.CreatedAt, DeletedAt = k.DeletedAt,
    };

    private static int ByDate(KpiMeasurement a, KpiMeasurement b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        return byDate != 0 ? byDate : a.EnteredAt.CompareTo(b.EnteredAt);
    }

    private GoalView View(Goal g)
    {
        double? progress = g.Status == GoalStatus.Achieved ? 1 : null;
        if (progress is null)
        {
            var attainments = _kpis.Values.Where(k => k.GoalId == g.Id)
                .Select(k => Bounds.Finite(View(k).Attainment)).OfType<double>().ToList();
            progress = attainments.Count > 0 ? attainments.Average(a => Math.Clamp(a, 0, 1)) : null;
        }
        return new GoalView(g.Id, g.Title, g.Description, g.SuccessCriteria, g.OwnerPartyId, g.TargetDate, g.Status, g.Version, progress);
    }

    private KpiView View(Kpi k)
    {
        var measurements = _measurements.TryGetValue(k.Id, out var list) ? list : [];
        double? latest = measurements.Count > 0 ? measurements[^1].Value : null;
        // Figures that are not finite (only a damaged database holds them) show as unknown rather than break the page.
        return new KpiView(
            k.Id, k.GoalId, k.Name, k.Unit, k.Direction, Bounds.Finite(k.Baseline), Bounds.Finite(k.Target),
            k.OwnerPartyId, k.Version,
            measurements.Select(m => new MeasurementView(
                m.Id, m.Date, Bounds.Finite(m.Value), m.Note, m.EnteredByName, m.EnteredAt)).ToList(),
            Bounds.Finite(latest),
            KpiStatus.Rag(k.Direction, k.Baseline, k.Target, latest),
            KpiStatus.Attainment(k.Direction, k.Baseline, k.Target, latest));
    }
}
