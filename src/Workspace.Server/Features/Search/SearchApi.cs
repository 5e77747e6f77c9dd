using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Search;

/// <summary>
/// One box that finds anything of a partnership: documents (title and current text) and their comments, goals, KPIs
/// and measurement notes, action items, meetings (title, agenda, decisions), agreements, disputes (with proposals and
/// discussion), reviews and files. Every member may search (viewers too), a bounded number of times a minute; only
/// the partnership's own things are read, each query filtered by its id.
/// </summary>
public static class SearchApi
{
    public static void MapSearch(this WebApplication app)
    {
        app.MapGroup("/api/partnerships/{partnershipId:guid}/search").WithTags("Search").RequireAuthorization()
            .RequireMember().MapGet("", SearchAsync).RequireRateLimiting(RateLimits.Search);
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(Guid partnershipId,
        string? q, HttpContext http, WorkspaceDb db, IGrainFactory grains, CancellationToken ct)
    {
        var (words, problem) = SearchQuery.Parse(q, RequestLanguage.WantsIndonesian(http));
        if (problem is not null)
        {
            return problem;
        }
        var terms = words!.Select(SearchTerm.Of).ToList();
        var (documents, agreements) = await new SearchDocuments(db, grains).FindAsync(partnershipId, terms, ct);
        // One DbContext: its queries run one after another.
        var tables = new SearchStructured(db);
        var goals = await tables.GoalsAsync(partnershipId, terms, ct);
        var actions = await tables.ActionsAsync(partnershipId, terms, ct);
        var meetings = await tables.MeetingsAsync(partnershipId, terms, ct);
        var disputes = await tables.DisputesAsync(partnershipId, terms, ct);
        var reviews = await tables.ReviewsAsync(partnershipId, terms, ct);
        var files = await tables.FilesAsync(partnershipId, terms, ct);
        var comments = await tables.CommentsAsync(partnershipId, terms, ct);
        return TypedResults.Ok(new SearchResults(q!.Trim(), terms.Select(t => t.Folded).ToList(),
            [documents, comments, goals, actions, meetings, agreements, disputes, reviews, files]));
    }
}

/// <summary>A query as words: trimmed, split at spaces, repeated words once; or why it cannot be searched.</summary>
public static class SearchQuery
{
    public static (IReadOnlyList<string>? Words, ValidationProblem? Problem) Parse(string? q, bool indonesian)
    {
        var query = (q ?? "").Trim();
        if (query.Length < SearchLimits.QueryMin)
        {
            return (null, Problems.Invalid("q", ErrorCodes.TooShort, indonesian
                ? $"Ketik minimal {SearchLimits.QueryMin} karakter untuk mencari."
                : $"Type at least {SearchLimits.QueryMin} characters to search.", ("min", SearchLimits.QueryMin)));
        }
        if (query.Length > SearchLimits.QueryMax)
        {
            return (null, Problems.Invalid("q", ErrorCodes.TooLong, indonesian
                ? $"Pencarian maksimal {SearchLimits.QueryMax} karakter."
                : $"A search can be at most {SearchLimits.QueryMax} characters.", ("max", SearchLimits.QueryMax)));
        }
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .DistinctBy(SearchText.Fold).ToList();
        if (words.Count > SearchLimits.TermsMax)
        {
            return (null, Problems.Invalid("q", ErrorCodes.TooManyWords, indonesian
                ? $"Gunakan paling banyak {SearchLimits.TermsMax} kata."
                : $"Use at most {SearchLimits.TermsMax} words.", ("max", SearchLimits.TermsMax)));
        }
        return (words, null);
    }
}
