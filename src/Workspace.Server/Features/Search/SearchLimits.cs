namespace Workspace.Server.Features.Search;

/// <summary>The bounds of one search: what it takes and how much it answers.</summary>
public static class SearchLimits
{
    /// <summary>The shortest query (after trimming): one letter matches nearly everything.</summary>
    public const int QueryMin = 2;
    public const int QueryMax = 100;
    /// <summary>The most words; every word must match, so more would only slow the query down.</summary>
    public const int TermsMax = 8;
    /// <summary>Results shown per kind; one more is read to know whether there are more.</summary>
    public const int PerKind = 20;
    /// <summary>The most documents whose current text is read (the most recently changed first).</summary>
    public const int DocumentsMax = 200;
    /// <summary>Document grains read at the same time.</summary>
    public const int DocumentReads = 4;
    /// <summary>Characters shown before and after the first match in a snippet.</summary>
    public const int SnippetBefore = 60;
    public const int SnippetAfter = 120;
}
