using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Workspace.Server.Kernel;

/// <summary>
/// The member lists of the partnerships whose grain is active on this node, exactly as the grain holds them: the grain
/// replaces its entry in the same turn, with no await between, as it changes its own list, and withdraws it when it
/// deactivates. A hub call or request on this node then learns who the caller is from here instead of sending a grain
/// call per keystroke (a message, a turn of the partnership grain and a reply: two thread-pool hand-offs), and a change
/// that has returned is still seen by every later call. A partnership whose grain is not active on this node (another
/// node of a cluster, or not activated yet) is not here: its callers ask the grain, as before.
/// </summary>
public sealed class MemberDirectory
{
    private readonly ConcurrentDictionary<Guid, Members> _partnerships = new();

    /// <summary>One published list; the grain that published it withdraws only this one.</summary>
    public sealed class Members(FrozenDictionary<string, MemberView> byUser)
    {
        public FrozenDictionary<string, MemberView> ByUser { get; } = byUser;
    }

    /// <summary>The partnership's members now; call it in the same turn as the change, before any await.</summary>
    public Members Publish(Guid partnershipId, IEnumerable<MemberView> members)
    {
        var published = new Members(members.ToFrozenDictionary(m => m.UserId, StringComparer.Ordinal));
        _partnerships[partnershipId] = published;
        return published;
    }

    /// <summary>Removes <paramref name="published"/>, unless a later activation has replaced it already.</summary>
    public void Withdraw(Guid partnershipId, Members published) =>
        _partnerships.TryRemove(KeyValuePair.Create(partnershipId, published));

    /// <summary>
    /// True when this node holds the partnership's list; <paramref name="member"/> is then the user's membership or
    /// null for a non-member. False means "not known here: ask the grain".
    /// </summary>
    public bool TryFind(Guid partnershipId, string userId, out MemberView? member)
    {
        if (_partnerships.TryGetValue(partnershipId, out var members))
        {
            member = members.ByUser.GetValueOrDefault(userId);
            return true;
        }
        member = null;
        return false;
    }
}
