using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Features.Agreements;
using Workspace.Server.Features.Documents;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Search;

/// <summary>
/// Documents are searched in their current text, read on demand from their grains (the authority; the database
/// holds operations and snapshots). Nothing is added to the co-editing path: a read waits only for edits already on
/// their way to disk, and a word is findable as soon as its edit is stored. The number of documents read is bounded
/// (<see cref="SearchLimits.DocumentsMax"/>, the most recently changed), a few at a time.
/// An agreement's text is a document too: it is reported as the agreement.
/// </summary>
internal sealed class SearchDocuments(WorkspaceDb db, IGrainFactory grains)
{
    public async Task<(SearchGroup Documents, SearchGroup Agreements)> FindAsync(Guid partnershipId,
        IReadOnlyList<SearchTerm> terms, CancellationToken ct)
    {
        var documents = (await db.Set<Document>().AsNoTracking()
                .Where(d => d.PartnershipId == partnershipId && d.DeletedAt == null)
                .Select(d => new { d.Id, d.Title, d.UpdatedAt }).ToListAsync(ct))
            .OrderByDescending(d => d.UpdatedAt).Take(SearchLimits.DocumentsMax).ToList();
        var agreements = await db.Set<Agreement>().AsNoTracking().Where(a => a.PartnershipId == partnershipId)
            .OrderBy(a => a.Title).Take(SearchLimits.DocumentsMax)
            .Select(a => new { a.Id, a.DocumentId, a.Title }).ToListAsync(ct);
        var byDocument = agreements.ToDictionary(a => a.DocumentId);
        var folded = terms.Select(t => t.Folded).ToList();

        using var gate = new SemaphoreSlim(SearchLimits.DocumentReads);
        var found = await Task.WhenAll(documents.Select(async d =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var agreement = byDocument.GetValueOrDefault(d.Id);
                var title = agreement?.Title ?? d.Title;
                var text = await TextAsync(d.Id);
                if (!SearchText.MatchesAll(folded, title, text))
                {
                    return null;
                }
                return agreement is null
                    ? DocumentHit(d.Id, "document", title, text, folded)
                    : DocumentHit(agreement.Id, "agreement", title, text, folded) with { ParentId = d.Id };
            }
            finally
            {
                gate.Release();
            }
        }));
        var hits = found.OfType<SearchHit>().ToList();
        return (Group(SearchKinds.Documents, hits.Where(h => h.Part == "document")),
            Group(SearchKinds.Agreements, hits.Where(h => h.Part == "agreement")));
    }

    private static SearchGroup Group(string kind, IEnumerable<SearchHit> hits)
    {
        // Those found in the title first, then the most recently changed.
        var list = hits.OrderByDescending(h => h.TitleMarks.Count > 0).ToList();
        return new SearchGroup(kind, list.Take(SearchLimits.PerKind).ToList(), list.Count > SearchLimits.PerKind);
    }

    private async Task<string> TextAsync(Guid documentId)
    {
        var state = await grains.GetGrain<IDocumentGrain>(documentId).OpenAsync(null);
        // A document being reloaded after a failed write is searched by its title only this time.
        return state.Kind == OutcomeKind.Ok ? state.Value!.Text ?? "" : "";
    }

    private static SearchHit DocumentHit(Guid id, string part, string title, string text,
        IReadOnlyList<string> terms)
    {
        var at = SearchText.FirstMatch(text, terms);
        var snippet = SearchText.Snippet(text, terms);
        var hit = new SearchHit(id, part, title, SearchText.Marks(title, terms), snippet?.Text,
            snippet?.Marks ?? []);
        if (at < 0)
        {
            return hit;
        }
        var (line, heading) = SearchText.Place(text, at);
        return hit with { Line = line, Heading = heading };
    }
}
