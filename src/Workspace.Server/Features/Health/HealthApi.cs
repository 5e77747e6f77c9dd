using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Health;

/// <summary><c>Integrity</c>: signs of lost data not yet acknowledged (<see cref="IntegrityAlarm"/>).</summary>
public sealed record HealthReport(string Status, bool Silo, bool Database, bool Hub, IReadOnlyList<string> Integrity);

public static class HealthApi
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/health", CheckAsync).AllowAnonymous().WithTags("Health");
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        IGrainFactory grains,
        IDbContextFactory<WorkspaceDb> dbs,
        IHubContext<LiveHub> hub,
        IntegrityAlarm alarm,
        CancellationToken ct)
    {
        var silo = await Probe(async () => await grains.GetGrain<IHealthGrain>(0).PingAsync() == "pong");
        var database = await Probe(async () =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct);
        });
        var hubUp = await Probe(() => Task.FromResult(hub.Clients is not null));
        var integrity = alarm.Reasons;
        var healthy = silo && database && hubUp && integrity.Count == 0;
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", silo, database, hubUp, integrity);
        return report.Status == "healthy"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> Probe(Func<Task<bool>> check)
    {
        try
        {
            return await check().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            return false;
        }
    }
}

public interface IHealthGrain : IGrainWithIntegerKey
{
    Task<string> PingAsync();
}

public sealed class HealthGrain : Grain, IHealthGrain
{
    public Task<string> PingAsync() => Task.FromResult("pong");
}
