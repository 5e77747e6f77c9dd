using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Workspace.Server.Kernel;

/// <summary>
/// Which live connections on this node belong to which user in which partnership, so that removing
/// a member cuts them off at once: their connections leave every group of that partnership and are
/// aborted. Hubs call <see cref="Track"/> after they authorised a call.
/// </summary>
/// <remarks>
/// Indexed both ways (connection → partnerships, partnership → user → connections), so a join, a leave, "who is
/// online" and a removal cost in proportion to that connection's partnerships and that partnership's people, never
/// to the connections of the whole node: when thousands leave at once, each leave stays cheap.
/// </remarks>
public sealed class LiveConnections
{
    private sealed record Entry(HubCallerContext Context, string UserId, Guid PartnershipId);

    /// <summary>One partnership's connections on this node, per user. Guarded by locking the instance.</summary>
    private sealed class Members
    {
        public Dictionary<string, Dictionary<string, HubCallerContext>> ByUser { get; } = new(StringComparer.Ordinal);

        /// <summary>Set when it emptied and left the index; a holder then looks the partnership up again.</summary>
        public bool Retired { get; set; }
    }

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Entry>> _byConnection = new();
    private readonly ConcurrentDictionary<Guid, Members> _byPartnership = new();
    private long _work;

    /// <summary>
    /// How many index entries the presence queries and removals have looked at so far: a deterministic measure that
    /// lets a test prove their cost does not grow with unrelated connections.
    /// </summary>
    public long Work => Interlocked.Read(ref _work);

    /// <summary>
    /// Remembers that <paramref name="context"/> (a signed-in user's connection) joined a partnership.
    /// </summary>
    public void Track(HubCallerContext context, string userId, Guid partnershipId)
    {
        var entries = _byConnection.GetOrAdd(context.ConnectionId, _ => new());
        if (entries.TryGetValue(partnershipId, out var known) && known.UserId == userId)
        {
            return; // hubs track on every call: only the first one adds
        }
        entries[partnershipId] = new Entry(context, userId, partnershipId);
        if (known is not null)
        {
            Unindex(partnershipId, known.UserId, context.ConnectionId);
        }
        Index(partnershipId, userId, context);
        if (context.ConnectionAborted.IsCancellationRequested)
        {
            // Closed meanwhile: its disconnect may already have forgotten it, so this entry is taken back out here.
            entries.TryRemove(partnershipId, out _);
            Unindex(partnershipId, userId, context.ConnectionId);
            if (entries.IsEmpty)
            {
                _byConnection.TryRemove(KeyValuePair.Create(context.ConnectionId, entries));
            }
        }
    }

    /// <summary>Call from <c>OnDisconnectedAsync</c>; returns the partnerships the connection had joined.</summary>
    public IReadOnlyList<Guid> Forget(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var entries))
        {
            return [];
        }
        var left = new List<Guid>(entries.Count);
        foreach (var entry in entries.Values)
        {
            Unindex(entry.PartnershipId, entry.UserId, connectionId);
            left.Add(entry.PartnershipId);
        }
        return left;
    }

    /// <summary>The connection left one partnership; true when it had joined it.</summary>
    public bool Leave(string connectionId, Guid partnershipId)
    {
        if (!_byConnection.TryGetValue(connectionId, out var entries)
            || !entries.TryRemove(partnershipId, out var entry))
        {
            return false;
        }
        Unindex(partnershipId, entry.UserId, connectionId);
        return true;
    }

    /// <summary>
    /// With several nodes: adds who is online on the other nodes to this node's list (set by the scale-out set-up,
    /// see <c>OrleansExtensions</c>).
    /// </summary>
    public Func<Guid, IReadOnlyList<string>, Task<IReadOnlyList<string>>>? AcrossNodes { get; set; }

    /// <summary>The users with a live connection to the partnership on any node.</summary>
    public async Task<IReadOnlyList<string>> OnlineEverywhereAsync(Guid partnershipId)
    {
        var here = Online(partnershipId);
        return AcrossNodes is { } across ? await across(partnershipId, here) : here;
    }

    /// <summary>The partnerships with at least one live connection on this node.</summary>
    public IReadOnlyList<Guid> Partnerships() => [.. _byPartnership.Keys];

    /// <summary>The users with at least one live connection to the partnership on this node.</summary>
    public IReadOnlyList<string> Online(Guid partnershipId)
    {
        if (!_byPartnership.TryGetValue(partnershipId, out var members))
        {
            return [];
        }
        lock (members)
        {
            Interlocked.Add(ref _work, members.ByUser.Count);
            return [.. members.ByUser.Keys];
        }
    }

    /// <summary>This node's live connections to the partnership (of every hub that tracks them).</summary>
    public IReadOnlyList<string> ConnectionIds(Guid partnershipId)
    {
        if (!_byPartnership.TryGetValue(partnershipId, out var members))
        {
            return [];
        }
        lock (members)
        {
            var ids = new List<string>();
            foreach (var connections in members.ByUser.Values)
            {
                ids.AddRange(connections.Keys);
            }
            Interlocked.Add(ref _work, ids.Count);
            return ids;
        }
    }

    /// <summary>
    /// With several nodes: tells the other nodes to revoke too (set by the scale-out set-up, see
    /// <c>OrleansExtensions</c>); each node then runs <see cref="RevokeHere"/>.
    /// </summary>
    public Action<Guid, string>? OtherNodes { get; set; }

    /// <summary>
    /// Cuts off <paramref name="userId"/>'s connections to <paramref name="partnershipId"/> on this node and every
    /// other.
    /// </summary>
    public int Revoke(Guid partnershipId, string userId)
    {
        var count = RevokeHere(partnershipId, userId);
        OtherNodes?.Invoke(partnershipId, userId);
        return count;
    }

    /// <summary>
    /// Aborts every connection of <paramref name="userId"/> on this node that joined <paramref name="partnershipId"/>;
    /// returns how many.
    /// </summary>
    public int RevokeHere(Guid partnershipId, string userId)
    {
        if (!_byPartnership.TryGetValue(partnershipId, out var members))
        {
            return 0;
        }
        List<HubCallerContext> cut;
        lock (members)
        {
            cut = members.ByUser.TryGetValue(userId, out var connections) ? [.. connections.Values] : [];
        }
        Interlocked.Add(ref _work, cut.Count);
        foreach (var context in cut)
        {
            Leave(context.ConnectionId, partnershipId);
            context.Abort();
        }
        return cut.Count;
    }

    private void Index(Guid partnershipId, string userId, HubCallerContext context)
    {
        while (true)
        {
            var members = _byPartnership.GetOrAdd(partnershipId, _ => new Members());
            lock (members)
            {
                if (members.Retired)
                {
                    continue;
                }
                if (!members.ByUser.TryGetValue(userId, out var connections))
                {
                    members.ByUser[userId] = connections = new(StringComparer.Ordinal);
                }
                connections[context.ConnectionId] = context;
                return;
            }
        }
    }

    private void Unindex(Guid partnershipId, string userId, string connectionId)
    {
        if (!_byPartnership.TryGetValue(partnershipId, out var members))
        {
            return;
        }
        lock (members)
        {
            if (!members.ByUser.TryGetValue(userId, out var connections)
                || !connections.Remove(connectionId)
                || connections.Count > 0)
            {
                return;
            }
            members.ByUser.Remove(userId);
            if (members.ByUser.Count == 0)
            {
                members.Retired = true;
                _byPartnership.TryRemove(KeyValuePair.Create(partnershipId, members));
            }
        }
    }
}
