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

    /// <summary>
    /// This node's connections by session (person and stamp), so that a sweep checks each session once, not each
    /// connection: 10,000 connections of 200 people took one loop of 10,000 checks every few seconds (~4 % of the
    /// server's CPU while they all left at once), now 200. Guarded by its own lock: a connection joins and leaves
    /// in a few dictionary operations, and an emptied session is dropped in the same step as its last connection.
    /// </summary>
    private readonly Dictionary<(string UserId, string Stamp), Dictionary<string, HubCallerContext>> _sessions = [];

    /// <summary>The connection's session (person and stamp) in its items, kept from its connecting on.</summary>
    private static readonly object SessionKey = new();

    /// <summary>How many sessions (person and stamp) have connections on this node.</summary>
    internal int SessionCount
    {
        get
        {
            lock (_sessions)
            {
                return _sessions.Count;
            }
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (stamps.SessionOf(context.Context.User) is not { } session
            || !await stamps.IsCurrentAsync(session, context.Context.ConnectionAborted))
        {
            throw new HubException(SessionEnded);
        }
        lock (_sessions)
        {
            if (!_sessions.TryGetValue(session, out var connections))
            {
                _sessions[session] = connections = [];
            }
            connections[context.Context.ConnectionId] = context.Context;
        }
        context.Context.Items[SessionKey] = session;
        await next(context);
    }

    public ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = invocationContext.Context;
        // A connection's principal never changes: its session was read from it once, on connecting.
        var current = connection.Items.TryGetValue(SessionKey, out var known)
            && known is ValueTuple<string, string> session
            ? stamps.IsCurrentAsync(session, connection.ConnectionAborted)
            : stamps.IsCurrentAsync(connection.User, connection.ConnectionAborted);
        if (!current.IsCompletedSuccessfully)
        {
            return CheckThenInvokeAsync(current.AsTask(), invocationContext, next);
        }
        // Nearly always answered from the stamp cache: then the call is passed on as it is, without awaiting it here.
        return current.Result ? next(invocationContext) : throw Ended(connection);
    }

    private async ValueTask<object?> CheckThenInvokeAsync(Task<bool> current,
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!await current)
        {
            throw Ended(invocationContext.Context);
        }
        return await next(invocationContext);
    }

    /// <summary>Cuts the connection of an ended session; the refusal its call gets.</summary>
    private HubException Ended(HubCallerContext connection)
    {
        Cut(connection);
        return new HubException(SessionEnded);
    }

    public Task OnDisconnectedAsync(
        HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Forget(context.Context);
        return next(context, exception);
    }

    /// <summary>Cuts this node's connections of <paramref name="userId"/> whose session is no longer current.</summary>
    public async Task<int> EndSessionsAsync(string userId, CancellationToken ct = default)
    {
        stamps.Forget(userId);
        var cut = 0;
        foreach (var session in Sessions().Where(s => s.UserId == userId))
        {
            if (!await stamps.IsCurrentAsync(session, ct))
            {
                cut += CutAll(session);
            }
        }
        return cut;
    }

    /// <summary>
    /// Reads every connected person's stamp (in batches) and cuts the connections of ended sessions: one check per
    /// session, however many connections it has.
    /// </summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        var open = Sessions();
        await stamps.RefreshAsync(open.Select(s => s.UserId).ToList(), ct);
        foreach (var session in open)
        {
            if (!await stamps.IsCurrentAsync(session, ct))
            {
                CutAll(session);
            }
        }
    }

    private (string UserId, string Stamp)[] Sessions()
    {
        lock (_sessions)
        {
            return [.. _sessions.Keys];
        }
    }

    private int CutAll((string UserId, string Stamp) session)
    {
        HubCallerContext[] connections;
        lock (_sessions)
        {
            if (!_sessions.Remove(session, out var found))
            {
                return 0;
            }
            connections = [.. found.Values];
        }
        foreach (var connection in connections)
        {
            connection.Abort();
        }
        return connections.Length;
    }

    private void Cut(HubCallerContext connection)
    {
        Forget(connection);
        connection.Abort();
    }

    private void Forget(HubCallerContext connection)
    {
        if (stamps.SessionOf(connection.User) is not { } session)
        {
            return;
        }
        lock (_sessions)
        {
            if (_sessions.TryGetValue(session, out var connections)
                && connections.Remove(connection.ConnectionId) && connections.Count == 0)
            {
                _sessions.Remove(session);
            }
        }
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
