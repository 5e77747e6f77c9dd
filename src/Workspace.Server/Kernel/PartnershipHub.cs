using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Errors;

namespace Workspace.Server.Kernel;

/// <summary>A change in a partnership, pushed to every member connected to it.</summary>
public sealed record PartnershipEvent(Guid PartnershipId, string Kind, object Payload);

public interface IPartnershipClient
{
    Task PartnershipChanged(PartnershipEvent change);
}

/// <summary>Live updates of a partnership. Joining its group is authorised against membership on the server.</summary>
[Authorize]
public sealed class PartnershipHub(
    PartnershipAccess access, LiveConnections connections, PartnershipFeed feed, IGrainFactory grains)
    : Hub<IPartnershipClient>
{
    public async Task<PartnershipView> JoinPartnership(Guid partnershipId)
    {
        var member = await access.FindMemberAsync(Context.User!, partnershipId)
            ?? throw Refusal.ToHub(ErrorCodes.UnknownPartnership, "Unknown partnership.", final: true);
        await Groups.AddToGroupAsync(Context.ConnectionId, PartnershipGrain.Group(partnershipId));
        connections.Track(Context, member.UserId, partnershipId);
        await PublishPresence(partnershipId);
        await feed.SendOnlineToAsync(partnershipId, Context.ConnectionId); // pushed to all only when it changed
        return (await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync())!;
    }

    /// <summary>
    /// Cheap and never waiting for others: when thousands leave at once, each leave only leaves the index and marks
    /// its partnership changed; the push of who is still there runs on its own, once per round.
    /// </summary>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var partnershipId in connections.Forget(Context.ConnectionId))
        {
            feed.PublishOnlineSoon(partnershipId);
        }
        return base.OnDisconnectedAsync(exception);
    }

    private Task PublishPresence(Guid partnershipId) => feed.PublishOnlineAsync(partnershipId);

    public async Task LeavePartnership(Guid partnershipId)
    {
        _ = await access.FindMemberAsync(Context.User!, partnershipId) ?? throw Refusal.ToHub(
            ErrorCodes.UnknownPartnership, "Unknown partnership.", final: true);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, PartnershipGrain.Group(partnershipId));
        if (connections.Leave(Context.ConnectionId, partnershipId))
        {
            await PublishPresence(partnershipId);
        }
    }
}
