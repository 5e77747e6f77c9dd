using System.Collections.Concurrent;

namespace Workspace.Server.Kernel;

/// <summary>
/// "Who is online" pushes, gathered per partnership: when thousands of people leave at once, each leave used to
/// compute, sort and push the whole remaining list to everyone still there (work growing with the square of the
/// partnership's size, and every other connection of the node waiting behind it). Now the first change is pushed at
/// once, and the changes that arrive while a push is under way or within <see cref="PresenceWindow"/> after it are
/// pushed together, as one list read after the last of them: at most one push per window and partnership, always
/// ending with the current list. A list equal to the one pushed last is not pushed again (a person with several tabs
/// closing one, a crowd of one person's connections leaving); a joining connection is told the list itself.
/// </summary>
public sealed partial class PartnershipFeed
{
    /// <summary>The shortest time between two "who is online" pushes to one partnership.</summary>
    public static readonly TimeSpan PresenceWindow = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How many connections one step of a push writes to before it lets other work run: a push hands each
    /// connection's send to the thread pool, so one step queues at most this many sends ahead of, say, another
    /// document's acknowledgement (a push to 10,000 connections at once queued 10,000).
    /// </summary>
    public const int PushStep = 256;

    private const int Idle = 0, Pushing = 1, PushingAndChanged = 2;

    /// <summary>
    /// Per partnership: <see cref="Idle"/>, <see cref="Pushing"/> or <see cref="PushingAndChanged"/>.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, PresenceRound> _presenceRounds = new();

    private sealed class PresenceRound
    {
        public int State;
    }

    /// <summary>
    /// Who is online (any live connection to the partnership): pushed whenever someone joins or leaves. Returns
    /// without waiting when a push to the partnership is already under way; that push's round then sends the list
    /// again, read after this change.
    /// </summary>
    public Task PublishOnlineAsync(Guid partnershipId) =>
        StartRound(partnershipId) is { } round ? PushRoundsAsync(partnershipId, round) : Task.CompletedTask;

    /// <summary>
    /// A connection left (disconnects call this): the partnership's round is started on the thread pool, so the leave
    /// itself never waits for a push to the partnership's other connections (nor runs one on the thread that tears
    /// the connection down); the leaves of a crowd are gathered into that round.
    /// </summary>
    public void PublishOnlineSoon(Guid partnershipId)
    {
        if (StartRound(partnershipId) is { } round)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static s => _ = s.Feed.PushRoundsAsync(s.Id, s.Round), (Feed: this, Id: partnershipId, Round: round),
                preferLocal: false);
        }
    }

    /// <summary>The partnership's round when this change starts it; null when a running round takes it in.</summary>
    private PresenceRound? StartRound(Guid partnershipId)
    {
        var round = _presenceRounds.GetOrAdd(partnershipId, _ => new PresenceRound());
        while (true)
        {
            switch (Volatile.Read(ref round.State))
            {
                case Idle when Interlocked.CompareExchange(ref round.State, Pushing, Idle) == Idle:
                    return round;
                case Pushing when Interlocked.CompareExchange(ref round.State, PushingAndChanged, Pushing) == Pushing:
                case PushingAndChanged:
                    return null;
                default:
                    continue; // the state changed under us: look again
            }
        }
    }

    /// <summary>
    /// On one node, a push goes to the partnership's connections <see cref="PushStep"/> at a time, and each step
    /// waits behind the work queued before it; with several nodes it goes to the group (the backplane reaches the
    /// other nodes' connections).
    /// </summary>
    private async Task PushOnlineAsync(Guid partnershipId, PartnershipEvent change)
    {
        if (connections.AcrossNodes is not null)
        {
            await PublishAsync(partnershipId, change.Kind, change.Payload);
            return;
        }
        var ids = connections.ConnectionIds(partnershipId);
        for (var from = 0; from < ids.Count; from += PushStep)
        {
            if (from > 0)
            {
                await Task.Yield(); // to the back of the thread pool's queue, behind this step's sends
            }
            try
            {
                await hub.Clients.Clients(ids.Skip(from).Take(PushStep).ToList()).PartnershipChanged(change);
            }
            catch (Exception)
            {
                // Best effort, as every push.
            }
        }
    }

    /// <summary>
    /// Pushes now, then keeps the round open for a window and pushes once more if anything changed meanwhile. The
    /// caller waits for the first push only; the later ones run on their own.
    /// </summary>
    private async Task PushRoundsAsync(Guid partnershipId, PresenceRound round)
    {
        try
        {
            await PublishOnlineAsync(partnershipId, onlyIfChanged: true, orHere: true);
        }
        finally
        {
            _ = FollowUpAsync(partnershipId, round);
        }
    }

    private async Task FollowUpAsync(Guid partnershipId, PresenceRound round)
    {
        while (true)
        {
            await Task.Delay(PresenceWindow, clock);
            if (Interlocked.CompareExchange(ref round.State, Idle, Pushing) == Pushing)
            {
                return; // nothing changed since the last push
            }
            Volatile.Write(ref round.State, Pushing); // the changes seen so far are in the list read next
            try
            {
                await PublishOnlineAsync(partnershipId, onlyIfChanged: true, orHere: true);
            }
            catch (Exception)
            {
                // Best effort, as every push: the round goes on, so the next change is pushed again.
            }
        }
    }

    /// <summary>
    /// Tells one connection that just joined who is online: the list pushed last (the round it joined in pushes again
    /// if that changed), or this node's people when nothing was pushed yet.
    /// </summary>
    public async Task SendOnlineToAsync(Guid partnershipId, string connectionId)
    {
        IReadOnlyList<string> online = _lastOnline.TryGetValue(partnershipId, out var last)
            ? last.Split(',', StringSplitOptions.RemoveEmptyEntries)
            : connections.Online(partnershipId);
        try
        {
            await hub.Clients.Client(connectionId).PartnershipChanged(
                new PartnershipEvent(partnershipId, "presence", new OnlineMembers(online)));
        }
        catch (Exception)
        {
            // Best effort, as every push.
        }
    }
}
