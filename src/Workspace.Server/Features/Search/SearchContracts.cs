namespace Workspace.Server.Features.Search;

/// <summary>One highlighted stretch of a title or snippet, in UTF-16 units (as JavaScript strings count).</summary>
public sealed record SearchMark(int Start, int Length);

/// <summary>
/// One thing found. <see cref="Part"/> names what it is within its kind (e.g. <c>kpi</c> among goals,
/// <c>decision</c> among meetings); <see cref="ParentId"/> is the thing it belongs to (a decision's meeting);
/// <see cref="Line"/> and <see cref="Heading"/> say where in a document the first match is.
/// </summary>
public sealed record SearchHit(
    Guid Id,
    string Part,
    string Title,
    IReadOnlyList<SearchMark> TitleMarks,
    string? Snippet,
    IReadOnlyList<SearchMark> SnippetMarks)
{
    public Guid? ParentId { get; init; }
    public int? Number { get; init; }
    public int? Line { get; init; }
    public string? Heading { get; init; }
}

/// <summary>The things of one kind found: at most <see cref="SearchLimits.PerKind"/>, <see cref="More"/> when
/// there were more.</summary>
public sealed record SearchGroup(string Kind, IReadOnlyList<SearchHit> Hits, bool More);

public sealed record SearchResults(string Query, IReadOnlyList<string> Terms, IReadOnlyList<SearchGroup> Groups);

/// <summary>The kinds, in the order the results page shows them.</summary>
public static class SearchKinds
{
    public const string Documents = "documents";
    public const string Comments = "comments";
    public const string Goals = "goals";
    public const string Actions = "actions";
    public const string Meetings = "meetings";
    public const string Agreements = "agreements";
    public const string Disputes = "disputes";
    public const string Reviews = "reviews";
    public const string Files = "files";
}
