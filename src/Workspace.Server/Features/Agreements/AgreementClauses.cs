using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;

namespace Workspace.Server.Features.Agreements;

/// <summary>
/// A link to a clause, as decisions, disputes and action items store it: the clause's heading line as a passage of
/// the agreement's text at a revision (followed through every later edit, as comment passages are), with the number
/// and title it had then (used when the heading was deleted and retyped).
/// </summary>
public sealed record ClauseRef(Guid AgreementId, long Revision, int From, int To, string Number, string Title);

/// <summary>
/// Where a linked clause is now. <see cref="Found"/> says how: "followed" (through the edits), "title" or "number" (the
/// heading was replaced; found again by its title, else its number). <see cref="Current"/> is a fresh link to store.
/// </summary>
public sealed record ResolvedClause(
    Guid AgreementId, string Number, string Title, int From, int To, long Revision, string Text, string Found,
    ClauseRef Current);

/// <summary>A clause as listed, with the amendment (number) that last changed it, if any.</summary>
public sealed record ClauseView(string Number, string Title, int Level, int From, int To, int? AmendedBy);

/// <summary>
/// The clause API other features call (disputes, decisions, action items). Every method takes the caller's
/// partnership and answers null for an agreement of another partnership, so an id from a request cannot reach across.
/// </summary>
public sealed class AgreementClauses(IGrainFactory grains, IDbContextFactory<WorkspaceDb> dbs)
{
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
        return clause is null ? null : new ClauseRef(agreementId, text!.Value.Revision, clause.HeadingFrom,
            Math.Max(clause.HeadingTo, clause.HeadingFrom + 1), clause.Number, clause.Title);
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
        var grain = grains.GetGrain<IDocumentGrain>(agreement.DocumentId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var located = (await grain.LocatePassagesAsync([new PassageAnchor(link.Revision, link.From, link.To)]))[0];
            var state = await grain.OpenAsync(null);
            if (located is not null && located.Anchor.Revision != state.Revision)
            {
                continue; // an edit came between the two reads
            }
            var clauses = Clauses.Parse(state.Text ?? "");
            var (clause, found) = located is not null && Clauses.At(clauses, located.Anchor.From) is { } followed
                ? (followed, "followed")
                : clauses.FirstOrDefault(c => string.Equals(c.Title, link.Title, StringComparison.OrdinalIgnoreCase))
                    is { } byTitle ? (byTitle, "title")
                : (clauses.FirstOrDefault(c => c.Number == link.Number), "number");
            return clause is null ? null : new ResolvedClause(link.AgreementId, clause.Number, clause.Title,
                clause.From,
                clause.To, state.Revision, clause.Text, found, new ClauseRef(link.AgreementId, state.Revision,
                    clause.HeadingFrom, Math.Max(clause.HeadingTo, clause.HeadingFrom + 1), clause.Number,
                        clause.Title));
        }
        return null;
    }

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
        var state = await grains.GetGrain<IDocumentGrain>(agreement.DocumentId).OpenAsync(null);
        return (state.Text ?? "", state.Revision);
    }
}
