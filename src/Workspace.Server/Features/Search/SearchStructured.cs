using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Disputes;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Files;
using Workspace.Server.Features.Goals;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Features.Reviews;

namespace Workspace.Server.Features.Search;

/// <summary>
/// The things kept in tables, searched in the database of one partnership (every table is indexed by partnership):
/// what the members see of each (a dispute's proposals and discussion too), never a party's confidential notes or a
/// member's own review answers.
/// </summary>
internal sealed class SearchStructured(WorkspaceDb db)
{
    private const int Take = SearchLimits.PerKind + 1;

    public async Task<SearchGroup> GoalsAsync(Guid p, IReadOnlyList<SearchTerm> terms, CancellationToken ct) =>
        Group(SearchKinds.Goals, terms,
            await Rows(db.Set<Goal>().Where(g => g.PartnershipId == p && g.DeletedAt == null), terms,
                    g => g.Title, g => g.Description, g => g.SuccessCriteria)
                .Select(g => new Candidate(g.Id, "goal", g.Title, g.Description, g.SuccessCriteria, null, null))
                .ToListAsync(ct),
            await Rows(db.Set<Kpi>().Where(k => k.PartnershipId == p && k.DeletedAt == null), terms, k => k.Name)
                .Select(k => new Candidate(k.Id, "kpi", k.Name, "", "", k.GoalId, null)).ToListAsync(ct),
            await Rows(db.Set<KpiMeasurement>().Where(m => m.PartnershipId == p
                        && db.Set<Kpi>().Any(k => k.Id == m.KpiId && k.DeletedAt == null)), terms, m => m.Note)
                .Select(m => new Candidate(m.Id, "measurement", m.Note, "", "", m.KpiId, null)).ToListAsync(ct));

    public async Task<SearchGroup> ActionsAsync(Guid p, IReadOnlyList<SearchTerm> terms, CancellationToken ct) =>
        Group(SearchKinds.Actions, terms,
            await Rows(db.Set<ActionItem>().Where(a => a.PartnershipId == p && a.DeletedAt == null), terms,
                    a => a.Title, a => a.Notes)
                .Select(a => new Candidate(a.Id, "action", a.Title, a.Notes, "", null, a.Number)).ToListAsync(ct));

    public async Task<SearchGroup> MeetingsAsync(Guid p, IReadOnlyList<SearchTerm> terms, CancellationToken ct) =>
        Group(SearchKinds.Meetings, terms,
            await Rows(db.Set<Meeting>().Where(m => m.PartnershipId == p), terms, m => m.Title, m => m.Location)
                .Select(m => new Candidate(m.Id, "meeting", m.Title, m.Location, "", null, null)).ToListAsync(ct),
            await Rows(db.Set<AgendaItem>().Where(a => a.PartnershipId == p && a.DeletedAt == null), terms,
                    a => a.Title)
                .Select(a => new Candidate(a.Id, "agenda", a.Title, "", "", a.MeetingId, null)).ToListAsync(ct),
            await Rows(db.Set<Decision>().Where(d => d.PartnershipId == p), terms, d => d.Text, d => d.Why)
                .Select(d => new Candidate(d.Id, "decision", d.Text, d.Why, "", d.MeetingId, null))
                .ToListAsync(ct));

    public async Task<SearchGroup> DisputesAsync(Guid p, IReadOnlyList<SearchTerm> terms, CancellationToken ct) =>
        Group(SearchKinds.Disputes, terms,
            await Rows(db.Set<Dispute>().Where(d => d.PartnershipId == p), terms,
                    d => d.Title, d => d.Description, d => d.ClauseTitle)
                .Select(d => new Candidate(d.Id, "dispute", d.Title, d.Description, d.ClauseTitle, null, d.Number))
                .ToListAsync(ct),
            await Rows(db.Set<DisputeProposal>().Where(x => x.PartnershipId == p), terms, x => x.Text)
                .Select(x => new Candidate(x.Id, "proposal", x.Text, "", "", x.DisputeId, x.Number)).ToListAsync(ct),
            await Rows(db.Set<DisputeMessage>().Where(x => x.PartnershipId == p), terms, x => x.Text)
                .Select(x => new Candidate(x.Id, "message", x.Text, "", "", x.DisputeId, null)).ToListAsync(ct));

    /// <summary>Comments on the documents that are not deleted, found in their text or in the words they quote.
    /// </summary>
    public async Task<SearchGroup> CommentsAsync(Guid p, IReadOnlyList<SearchTerm> terms, CancellationToken ct) =>
        Group(SearchKinds.Comments, terms,
            await Rows(db.Set<DocumentComment>().Where(c => c.PartnershipId == p && c.DeletedAt == null
                        && db.Set<Document>().Any(d => d.Id == c.DocumentId && d.DeletedAt == null)), terms,
                    c => c.Body, c => c.Quote ?? "")
                .Select(c => new Candidate(c.Id, "comment", c.Body, c.Quote ?? "", "", c.DocumentId, null))
                .ToListAsync(ct));

    public async Task<SearchGroup> ReviewsAsync(Guid p, IReadOnlyList<SearchTerm> terms, CancellationToken ct) =>
        Group(SearchKinds.Reviews, terms,
            await Rows(db.Set<ReviewRound>().Where(r => r.PartnershipId == p), terms, r => r.Title)
                .Select(r => new Candidate(r.Id, "round", r.Title, "", "", null, r.Number)).ToListAsync(ct),
            await Rows(db.Set<ReviewChange>().Where(c => c.PartnershipId == p), terms, c => c.Text)
                .Select(c => new Candidate(c.Id, "change", c.Text, "", "", c.RoundId, c.Number)).ToListAsync(ct));

    public async Task<SearchGroup> FilesAsync(Guid p, IReadOnlyList<SearchTerm> terms, CancellationToken ct) =>
        Group(SearchKinds.Files, terms,
            await Rows(db.Set<SharedFile>().Where(f => f.PartnershipId == p), terms, f => f.Name)
                .Select(f => new Candidate(f.Id, "file", f.Name, "", "", null, null)).ToListAsync(ct));

    /// <summary>The rows of which every term is in one of <paramref name="columns"/>, one more than are shown.
    /// </summary>
    private static IQueryable<T> Rows<T>(IQueryable<T> rows, IReadOnlyList<SearchTerm> terms,
        params Expression<Func<T, string>>[] columns) where T : class =>
        rows.AsNoTracking().MatchingAll(terms, columns).OrderBy(columns[0]).Take(Take);

    private static SearchGroup Group(string kind, IReadOnlyList<SearchTerm> terms, params List<Candidate>[] found)
    {
        var folded = terms.Select(t => t.Folded).ToList();
        var hits = found.SelectMany(f => f)
            .Where(c => SearchText.MatchesAll(folded, c.Title, c.Text, c.More))
            .Select(c => c.Hit(folded)).ToList();
        return new SearchGroup(kind, hits.Take(SearchLimits.PerKind).ToList(),
            hits.Count > SearchLimits.PerKind || found.Any(f => f.Count == Take));
    }

    /// <summary>A row read: its title, the two texts a snippet may come from, what it belongs to.</summary>
    private sealed record Candidate(Guid Id, string Part, string Title, string Text, string More, Guid? ParentId,
        int? Number)
    {
        /// <summary>The longest title shown (a decision's text is its title).</summary>
        private const int TitleMax = 160;

        public SearchHit Hit(IReadOnlyList<string> terms)
        {
            var title = Title.Length <= TitleMax ? Title : SearchText.Snippet(Title, terms)?.Text
                ?? Title[..TitleMax] + "…";
            var snippet = SearchText.Snippet(Text, terms) ?? SearchText.Snippet(More, terms);
            return new SearchHit(Id, Part, title, SearchText.Marks(title, terms), snippet?.Text, snippet?.Marks ?? [])
            {
                ParentId = ParentId, Number = Number,
            };
        }
    }
}
