using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
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
        var linked = await ClauseLinks.LinkAsync(PartnershipId, named);
        return linked.Link is { } link ? (null, ClauseLinkState.Write(link))
            : (new FieldError(linked.Code == ErrorCodes.UnknownAgreement ? "clause.agreementId" : "clause.number",
                linked.Code!, linked.Detail ?? "", null), null);
    }

    /// <summary>Moves every decision's clause link to the agreement's current text and stores it there.</summary>
    private async Task FollowClausesAsync()
    {
        var linked = _decisions.Values.Where(d => d.ClauseLink is not null).ToList();
        if (linked.Count == 0)
        {
            return;
        }
        var moved = await ClauseLinks.FollowAsync(PartnershipId, [.. linked.Select(d =>
            ClauseLinkState.Read(d.ClauseLink)!)]);
        await using var db = await dbs.CreateDbContextAsync();
        foreach (var (decision, link) in linked.Zip(moved))
        {
            var stored = ClauseLinkState.Write(link);
            if (stored != decision.ClauseLink)
            {
                decision.ClauseLink = stored;
                await db.Set<Decision>().Where(d => d.Id == decision.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClauseLink, stored));
            }
        }
    }
}
