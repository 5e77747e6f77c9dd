using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Workspace.Server.Features.Partnerships;

/// <summary>
/// Which live connections on this node belong to which user in which partnership, so that removing
/// a member cuts them off at once: their connections leave every group of that partnership and are
/// aborted. Hubs call <see cref="Track"/> after they authorised a join.
/// </summary>
public sealed class LiveConnections
{
    private sealed record Entry(HubCallerContext Context, string UserId, Guid PartnershipId);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Entry>> _byConnection = new();

    /// <summary>Remembers that <paramref name="context"/> (a signed-in user's connection) joined a partnership.</summary>
    public void Track(HubCallerContext context, string userId, Guid partnershipId)
    {
        var entries = _byConnection.GetOrAdd(context.ConnectionId, _ => new());
        if (!entries.TryGetValue(partnershipId, out var entry) || entry.UserId != userId)
        {
            entries[partnershipId] = new Entry(context, userId, partnershipId); // hubs track on every call: add once
        }
    }

    /// <summary>Call from <c>OnDisconnectedAsync</c>; returns the partnerships the connection had joined.</summary>
    public IReadOnlyList<Guid> Forget(string connectionId) =>
        _byConnection.TryRemove(connectionId, out var entries) ? entries.Keys.ToList() : [];

    /// <summary>The connection left one partnership; true when it had joined it.</summary>
    public bool Leave(string connectionId, Guid partnershipId) =>
        _byConnection.TryGetValue(connectionId, out var entries) && entries.TryRemove(partnershipId, out _);

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
    public IReadOnlyList<Guid> Partnerships() => _byConnection.Values.SelectMany(e => e.Keys).Distinct().ToList();

    /// <summary>The users with at least one live connection to the partnership on this node.</summary>
    public IReadOnlyList<string> Online(Guid partnershipId) =>
        _byConnection.Values.SelectMany(e => e.Values).Where(e => e.PartnershipId == partnershipId).Select(e => e.UserId).Distinct().ToList();

    /// <summary>
    /// With several nodes: tells the other nodes to revoke too (set by the scale-out set-up, see
    /// <c>OrleansExtensions</c>); each node then runs <see cref="RevokeHere"/>.
    /// </summary>
    public Action<Guid, string>? OtherNodes { get; set; }

    /// <summary>Cuts off <paramref name="userId"/>'s connections to <paramref name="partnershipId"/> on this node and every other.</summary>
    public int Revoke(Guid partnershipId, string userId)
    {
        var count = RevokeHere(partnershipId, userId);
        OtherNodes?.Invoke(partnershipId, userId);
        return count;
    }

    /// <summary>Aborts every connection of <paramref name="userId"/> on this node that joined <paramref name="partnershipId"/>; returns how many.</summary>
    public int RevokeHere(Guid partnershipId, string userId)
    {
        var count = 0;
        foreach (var (connectionId, entries) in _byConnection)
        {
            if (entries.TryGetValue(partnershipId, out var entry) && entry.UserId == userId)
            {
                entry.Context.Abort();
                _byConnection.TryRemove(connectionId, out _);
                count++;
            }
        }
        return count;
    }
}
