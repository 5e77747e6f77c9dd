using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Workspace.Server.Features.Accounts;

/// <summary>
/// Hub connections live as long as their socket, long after the cookie that opened them was checked. So every
/// hub call checks that the connection's session is still current (refused and cut when it ended), and
/// <see cref="SessionSweep"/> cuts idle connections of ended sessions within seconds, on every node.
/// </summary>
public sealed class SessionHubFilter(SessionStamps stamps) : IHubFilter
{
    /// <summary>Clients show this and sign in again; nothing was done.</summary>
    public const string SessionEnded = "Your session has ended: sign in again.";

    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (!await stamps.IsCurrentAsync(context.Context.User, context.Context.ConnectionAborted))
        {
            throw new HubException(SessionEnded);
        }
        _connections[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = invocationContext.Context;
        if (!await stamps.IsCurrentAsync(connection.User, connection.ConnectionAborted))
        {
            Cut(connection);
            throw new HubException(SessionEnded);
        }
        return await next(invocationContext);
    }

    public Task OnDisconnectedAsync(
        HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <summary>Cuts this node's connections of <paramref name="userId"/> whose session is no longer current.</summary>
    public async Task<int> EndSessionsAsync(string userId, CancellationToken ct = default)
    {
        stamps.Forget(userId);
        var cut = 0;
        foreach (var connection in _connections.Values.Where(c => stamps.UserId(c.User) == userId))
        {
            if (!await stamps.IsCurrentAsync(connection.User, ct))
            {
                Cut(connection);
                cut++;
            }
        }
        return cut;
    }

    /// <summary>Reads every connected person's stamp (in batches) and cuts the connections of ended sessions.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        var open = _connections.Values.ToList();
        await stamps.RefreshAsync(open.Select(c => stamps.UserId(c.User)).OfType<string>().ToList(), ct);
        foreach (var connection in open)
        {
            if (!await stamps.IsCurrentAsync(connection.User, ct))
            {
                Cut(connection);
            }
        }
    }

    private void Cut(HubCallerContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        connection.Abort();
    }
}

/// <summary>Runs <see cref="SessionHubFilter.SweepAsync"/> every few seconds.</summary>
public sealed class SessionSweep(SessionHubFilter filter, ILogger<SessionSweep> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await filter.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Checking the sessions of hub connections failed; trying again shortly");
            }
        }
    }
}
