using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
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
        var linked = await ClauseLinks.LinkAsync(PartnershipId, named);
        return linked.Link is { } link ? (null, ClauseLinkState.Write(link))
            : (new FieldError(linked.Code == ErrorCodes.UnknownAgreement ? "clause.agreementId" : "clause.number",
                linked.Code!, linked.Detail ?? "", null), null);
    }

    /// <summary>Moves every item's clause link to the agreement's current text and stores it there.</summary>
    private async Task FollowClausesAsync()
    {
        var linked = _items.Values.Where(i => i.ClauseLink is not null).ToList();
        if (linked.Count == 0)
        {
            return;
        }
        IReadOnlyList<ClauseLinkState> moved;
        try
        {
            moved = await ClauseLinks.FollowAsync(PartnershipId, [.. linked.Select(i =>
                ClauseLinkState.Read(i.ClauseLink)!)]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The board stays readable with the clauses as last seen; the next read follows them again.
            log.LogWarning(e, "Clause links of partnership {PartnershipId} could not be followed", PartnershipId);
            return;
        }
        await using var db = await dbs.CreateDbContextAsync();
        foreach (var (item, link) in linked.Zip(moved))
        {
            var stored = ClauseLinkState.Write(link);
            if (stored != item.ClauseLink)
            {
                item.ClauseLink = stored;
                await db.Set<ActionItem>().Where(a => a.Id == item.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClauseLink, stored));
            }
        }
    }
}
