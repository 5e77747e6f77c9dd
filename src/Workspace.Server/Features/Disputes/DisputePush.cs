using Microsoft.AspNetCore.SignalR;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Disputes;

/// <summary>
/// Live push to one party's people only (confidential notes): addressed to their user ids, never to the
/// partnership's group, so another party's connection cannot receive it whatever it joined. Every node delivers it
/// to its own connections of those users (with the Redis backplane too).
/// </summary>
public sealed class DisputePush(IHubContext<PartnershipHub, IPartnershipClient> hub)
{
    public async Task ToPartyAsync(Guid partnershipId, IEnumerable<string> userIds, string kind, object payload)
    {
        var users = userIds.ToList();
        if (users.Count == 0)
        {
            return;
        }
        try
        {
            await hub.Clients.Users(users).PartnershipChanged(new PartnershipEvent(partnershipId, kind, payload));
        }
        catch (Exception)
        {
            // Push is best effort: the note is saved, and the page reads the notes again on reconnect.
        }
    }
}
