using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Goals;

/// <summary>The one update ritual of a goal or a KPI (changed or deleted).</summary>
public sealed partial class GoalsGrain
{
    /// <summary>The goals or the KPIs held, as the ritual sees them.</summary>
    private sealed record Held<T, TView>(
        Dictionary<Guid, T> All, string UnknownCode, string Unknown, Func<T, TView> View, Func<T, T> Copy);

    /// <summary>The activity line of a change.</summary>
    private sealed record Described(string Kind, string Summary, object Args);

    private Held<Goal, GoalView> Goals => new(
        _goals, ErrorCodes.UnknownGoal, "This goal does not exist (it may have been deleted).", View, Copy);

    private Held<Kpi, KpiView> Kpis => new(
        _kpis, ErrorCodes.UnknownKpi, "This KPI does not exist (it may have been deleted).", View, Copy);

    /// <summary>
    /// Load, check, apply, save, publish: the record exists and the caller saw its current version (otherwise not
    /// found, or a conflict with the current state and who made it), the input is valid, then a copy is changed (the
    /// held record never is, so a failed save leaves the state as it was), its version counted up, stored with its
    /// activity line, held (or let go once deleted) and published.
    /// </summary>
    private async Task<Outcome<TView>> ChangeAsync<T, TView>(
        Held<T, TView> held, Guid id, int version, Actor actor, Func<Task<FieldError?>>? validate, Action<T> change,
        Func<T, T, Described> describe, Func<T, T, Task<Outcome<TView>>> publish)
        where T : class, IGoalRecord
    {
        if (!held.All.TryGetValue(id, out var current))
        {
            return Outcome<TView>.NotFound(held.UnknownCode, held.Unknown);
        }
        if (current.Version != version)
        {
            return Outcome<TView>.Conflict(held.View(current), current.UpdatedByName);
        }
        if (validate is not null && await validate() is { } invalid)
        {
            return Outcome<TView>.Invalid(invalid);
        }
        var updated = held.Copy(current);
        change(updated);
        updated.Version++;
        var line = describe(current, updated);
        await SaveAsync(db => db.Update(updated), actor, line.Kind, line.Summary, line.Args);
        if (updated.DeletedAt is null)
        {
            held.All[id] = updated;
        }
        else
        {
            held.All.Remove(id);
        }
        return await publish(current, updated);
    }
}
