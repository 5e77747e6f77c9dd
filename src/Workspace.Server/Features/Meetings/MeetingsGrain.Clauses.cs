using Microsoft.EntityFrameworkCore;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.Meetings;

/// <summary>The agreement clause a decision is about (Kernel.ClauseLinks.ClauseLinkState as JSON), or null.</summary>
public sealed partial class Decision
{
    public string? ClauseLink { get; set; }
}

/// <summary>
/// A decision may be about a clause of an agreement of its partnership; the link is followed through the agreement's
/// edits whenever decisions are read, as comment passages are.
/// </summary>
public sealed partial class MeetingsGrain
{
    private IClauseLinks ClauseLinks => ServiceProvider.GetRequiredService<IClauseLinks>();

    private async Task<(FieldError? Error, string? Stored)> ClauseOfAsync(ClauseLinkInput? named)
    {
        if (named is null)
        {
            return (null, null);
        }
        return await ClauseLinks.StoredLinkAsync(PartnershipId, named);
    }

    /// <summary>
    /// The link a revision stores: none given keeps the current one (a client that does not show it must not drop
    /// it), an empty agreement id removes it, the link as it is shown keeps it (however that clause is numbered by
    /// now), anything else must name a clause of an agreement of this partnership.
    /// </summary>
    private async Task<(FieldError? Error, string? Stored)> RevisedClauseAsync(ClauseLinkInput? named,
        Decision current)
    {
        if (named is null || ClauseLinkState.Read(current.ClauseLink)?.IsNamedBy(named) == true)
        {
            return (null, current.ClauseLink);
        }
        return named.AgreementId == Guid.Empty ? (null, null) : await ClauseOfAsync(named);
    }

    /// <summary>Moves every decision's clause link to the agreement's current text and stores it there.</summary>
    private Task FollowClausesAsync() => ClauseLinks.FollowAsync(PartnershipId, _decisions.Values,
        d => d.ClauseLink, (d, link) => d.ClauseLink = link, async changed =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            foreach (var decision in changed)
            {
                await db.Set<Decision>().Where(d => d.Id == decision.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClauseLink, decision.ClauseLink));
            }
        }, ServiceProvider.GetRequiredService<ILogger<MeetingsGrain>>());
}
