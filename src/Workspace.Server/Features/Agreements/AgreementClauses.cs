using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.Agreements;

/// <summary>
/// Where a linked clause is now. <see cref="Found"/> says how: "followed" (through the edits) or "title" (the heading
/// was deleted and typed again with the same title). <see cref="Current"/> is a fresh link to store.
/// </summary>
public sealed record ResolvedClause(
    Guid AgreementId, string Number, string Title, int From, int To, long Revision, string Text, string Found,
    ClauseRef Current);

/// <summary>A clause as listed, with the amendment (number) that last changed it, if any.</summary>
public sealed record ClauseView(string Number, string Title, int Level, int From, int To, int? AmendedBy);

/// <summary>
/// The clause API other features call (disputes, decisions, action items, through <see cref="IClauseLinks"/>). Every
/// method takes the caller's partnership and answers null for an agreement of another partnership, so an id from a
/// request cannot reach across.
/// </summary>
public sealed class AgreementClauses(IGrainFactory grains, IDbContextFactory<WorkspaceDb> dbs) : IClauseLinks
{
    /// <summary>
    /// Awaited between locating the links and reading the text, with the attempt's number: a test orders an edit
    /// there to prove the follow retries rather than mixing two revisions. Null in the product.
    /// </summary>
    internal Func<int, Task>? BetweenReads { get; set; }

    /// <summary>The clauses of the agreement's current text (its consolidated text once amendments are
    /// signed).</summary>
    public async Task<IReadOnlyList<ClauseView>?> ListAsync(Guid partnershipId, Guid agreementId, CancellationToken ct)
    {
        var text = await CurrentTextAsync(partnershipId, agreementId, ct);
        return text is null ? null : [.. Clauses.Parse(text.Value.Text).Select(c => new ClauseView(
            c.Number, c.Title, c.Level, c.From, c.To, null))];
    }

    /// <summary>A link to the clause numbered <paramref name="number"/> now, or null when there is none.</summary>
    public async Task<ClauseRef?> LinkAsync(Guid partnershipId, Guid agreementId, string number, CancellationToken ct)
    {
        var text = await CurrentTextAsync(partnershipId, agreementId, ct);
        var clause = text is null ? null : Clauses.Parse(text.Value.Text).FirstOrDefault(c => c.Number ==
            number?.Trim());
        return clause is null ? null : RefOf(agreementId, text!.Value.Revision, clause);
    }

    /// <summary>Where the linked clause is now; null when the agreement is unknown here or the clause is
    /// gone.</summary>
    public async Task<ResolvedClause?> ResolveAsync(Guid partnershipId, ClauseRef link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        var agreement = await FindAsync(partnershipId, link.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }
        var found = await FollowInAsync(agreement, [link])
            ?? throw new CommandRejectedException(ErrorCodes.SlowDown,
                "The agreement is being typed into right now; try again in a moment.") { StatusCode = 503 };
        return found[0];
    }

    public async Task<ClauseLinkResult> LinkAsync(Guid partnershipId, ClauseLinkInput input,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var agreement = await FindAsync(partnershipId, input.AgreementId, ct);
        if (agreement is null)
        {
            return new ClauseLinkResult(null, ErrorCodes.UnknownAgreement,
                "The agreement must be one of this partnership's.");
        }
        return await LinkAsync(partnershipId, input.AgreementId, input.Number, ct) is { } link
            ? new ClauseLinkResult(new ClauseLinkState(link, agreement.Title, false), null, null)
            : new ClauseLinkResult(null, ErrorCodes.UnknownClause, "This agreement has no clause with that number.");
    }

    public async Task<IReadOnlyList<ClauseLinkState>> FollowAsync(Guid partnershipId,
        IReadOnlyList<ClauseLinkState> links, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var result = links.ToArray();
        foreach (var group in links.Select((link, i) => (link, i)).GroupBy(x => x.link.Ref.AgreementId))
        {
            var agreement = await FindAsync(partnershipId, group.Key, ct);
            var members = group.ToList();
            var found = agreement is null ? null : await FollowInAsync(agreement, [.. members.Select(m => m.link.Ref)]);
            if (agreement is not null && found is null)
            {
                continue; // typed into all along: these links stay as last seen, the next read follows them
            }
            for (var k = 0; k < members.Count; k++)
            {
                var (link, i) = members[k];
                result[i] = found?[k] is { } clause
                    ? new ClauseLinkState(clause.Current, agreement!.Title, false)
                    : link with { Deleted = true, AgreementTitle = agreement?.Title ?? link.AgreementTitle };
            }
        }
        return result;
    }

    /// <summary>
    /// Each link's clause in the agreement's current text: followed through the edits, else (its heading deleted and
    /// typed again) found by its title; null when the clause is gone. Never by its number alone: once a clause is
    /// deleted and the rest renumbered, its number names another clause. Null when every attempt found the text
    /// changed between locating the links and reading it (positions of one revision read in another's text name
    /// another clause: a link once moved onto a clause just typed above it).
    /// </summary>
    private async Task<IReadOnlyList<ResolvedClause?>?> FollowInAsync(Agreement agreement,
        IReadOnlyList<ClauseRef> refs)
    {
        var grain = grains.GetGrain<IDocumentGrain>(agreement.DocumentId);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var located = (await grain.LocatePassagesAsync([.. refs.Select(r => new PassageAnchor(r.Revision, r.From,
                r.To))])).OrRaise();
            if (BetweenReads is { } between)
            {
                await between(attempt);
            }
            var state = (await grain.OpenAsync(null)).OrRaise();
            if (located.Any(l => l is not null && l.Anchor.Revision != state.Revision))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt)); // an edit came between the two reads
                continue;
            }
            var clauses = Clauses.Parse(state.Text ?? "");
            return [.. refs.Zip(located, (link, at) => Resolved(link, at, clauses, state.Revision))];
        }
        return null;
    }

    private static ResolvedClause? Resolved(ClauseRef link, LocatedPassage? at, IReadOnlyList<Clause> clauses,
        long revision)
    {
        var (clause, found) = at is not null && Clauses.At(clauses, at.Anchor.From) is { } followed
            ? (followed, "followed")
            : (clauses.FirstOrDefault(c => string.Equals(c.Title, link.Title, StringComparison.OrdinalIgnoreCase)),
                "title");
        return clause is null ? null : new ResolvedClause(link.AgreementId, clause.Number, clause.Title, clause.From,
            clause.To, revision, clause.Text, found, RefOf(link.AgreementId, revision, clause));
    }

    private static ClauseRef RefOf(Guid agreementId, long revision, Clause clause) => new(agreementId, revision,
        clause.HeadingFrom, Math.Max(clause.HeadingTo, clause.HeadingFrom + 1), clause.Number, clause.Title);

    /// <summary>The dispute-resolution steps the agreement names (its current text), in order.</summary>
    public async Task<IReadOnlyList<DisputeStep>?> DisputeStepsAsync(Guid partnershipId, Guid agreementId,
        CancellationToken ct)
    {
        var text = await CurrentTextAsync(partnershipId, agreementId, ct);
        return text is null ? null : Clauses.DisputeSteps(text.Value.Text);
    }

    internal async Task<Agreement?> FindAsync(Guid partnershipId, Guid agreementId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<Agreement>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == agreementId && a.PartnershipId == partnershipId, ct);
    }

    private async Task<(string Text, long Revision)?> CurrentTextAsync(Guid partnershipId, Guid agreementId,
        CancellationToken ct)
    {
        var agreement = await FindAsync(partnershipId, agreementId, ct);
        if (agreement is null)
        {
            return null;
        }
        var state = (await grains.GetGrain<IDocumentGrain>(agreement.DocumentId).OpenAsync(null)).OrRaise();
        return (state.Text ?? "", state.Revision);
    }
}
