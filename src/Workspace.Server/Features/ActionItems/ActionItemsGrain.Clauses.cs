using Microsoft.EntityFrameworkCore;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.ActionItems;

/// <summary>
/// An item may be about a clause of an agreement of its partnership (obligations' items always are). The link is
/// followed through the agreement's edits whenever the items are read, as comment passages are.
/// </summary>
public sealed partial class ActionItemsGrain
{
    private IClauseLinks ClauseLinks => ServiceProvider.GetRequiredService<IClauseLinks>();

    /// <summary>
    /// The link to store: none given keeps the current one (forms that do not show it must not drop it), an empty
    /// agreement id removes it, the link as it is shown keeps it as it is (however that clause is numbered by now),
    /// anything else must name a clause of an agreement of this partnership.
    /// </summary>
    private async Task<(FieldError? Error, string? Stored)> ClauseOfAsync(ActionItemInput input, ActionItem? current)
    {
        if (input.Clause is not { } named || ClauseLinkState.Read(current?.ClauseLink)?.IsNamedBy(named) == true)
        {
            return (null, current?.ClauseLink);
        }
        if (named.AgreementId == Guid.Empty)
        {
            return (null, null);
        }
        return await ClauseLinks.StoredLinkAsync(PartnershipId, named);
    }

    /// <summary>Moves every item's clause link to the agreement's current text and stores it there.</summary>
    private Task FollowClausesAsync() => ClauseLinks.FollowAsync(PartnershipId, _items.Values,
        i => i.ClauseLink, (i, link) => i.ClauseLink = link, async changed =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            foreach (var item in changed)
            {
                await db.Set<ActionItem>().Where(a => a.Id == item.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClauseLink, item.ClauseLink));
            }
        }, log);
}
