using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workspace.Server.Features.Search;

/// <summary>
/// Matching as people expect it: case- and accent-insensitive, every word somewhere, in any order. Folding maps each
/// UTF-16 unit to one unit, so a position in the folded text is the same position in the original (marks stay
/// right, also for JavaScript, which counts the same units).
/// </summary>
public static partial class SearchText
{
    /// <summary>Lower case without accents, one unit for one unit ("Ékspor" → "ekspor").</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    private static char Fold(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }
        if (char.IsSurrogate(c))
        {
            return c;
        }
        var lower = char.ToLowerInvariant(c);
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0
            && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark
                ? decomposed[0] : lower;
    }

    /// <summary>True when every (folded) term occurs in one of the texts.</summary>
    public static bool MatchesAll(IReadOnlyList<string> terms, params string?[] texts)
    {
        var folded = texts.Where(t => !string.IsNullOrEmpty(t)).Select(t => Fold(t!)).ToList();
        return terms.All(term => folded.Any(f => f.Contains(term, StringComparison.Ordinal)));
    }

    /// <summary>Every stretch of <paramref name="text"/> that is one of the terms, merged where they overlap.</summary>
    public static IReadOnlyList<SearchMark> Marks(string? text, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var folded = Fold(text);
        var found = new List<(int Start, int End)>();
        foreach (var term in terms)
        {
            for (var at = folded.IndexOf(term, StringComparison.Ordinal); at >= 0;
                 at = folded.IndexOf(term, at + term.Length, StringComparison.Ordinal))
            {
                found.Add((at, at + term.Length));
            }
        }
        var merged = new List<SearchMark>();
        var (start, end) = (-1, -1);
        foreach (var (s, e) in found.OrderBy(f => f.Start))
        {
            if (s <= end)
            {
                end = Math.Max(end, e);
                continue;
            }
            if (end > start)
            {
                merged.Add(new SearchMark(start, end - start));
            }
            (start, end) = (s, e);
        }
        if (end > start)
        {
            merged.Add(new SearchMark(start, end - start));
        }
        return merged;
    }

    /// <summary>Where the first of the terms occurs in the text, or -1.</summary>
    public static int FirstMatch(string text, IReadOnlyList<string> terms)
    {
        var folded = Fold(text);
        return terms.Select(t => folded.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0)
            .DefaultIfEmpty(-1).Min();
    }

    /// <summary>
    /// A short piece of the line of the first match (words not cut, a Markdown heading's or list item's marker left
    /// out), with "…" where it was cut, and its marks; null when no term occurs.
    /// </summary>
    public static (string Text, IReadOnlyList<SearchMark> Marks)? Snippet(string? text, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var at = FirstMatch(text, terms);
        if (at < 0)
        {
            return null;
        }
        var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        var lineEnd = text.IndexOf('\n', at);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r').Replace('\t', ' ');
        var inLine = at - lineStart;
        var from = WordStart(line, Math.Max(0, inLine - SearchLimits.SnippetBefore), inLine);
        var to = WordEnd(line, Math.Min(line.Length, inLine + SearchLimits.SnippetAfter));
        var body = line[from..to];
        var snippet = from > 0 ? "…" + body : MarkdownLead().Replace(body, "");
        snippet += to < line.Length ? "…" : "";
        return (snippet, Marks(snippet, terms));
    }

    /// <summary>What starts a Markdown heading, list item, task line or quote.</summary>
    [GeneratedRegex(@"^\s*(#{1,6}\s+|[-*+]\s+(\[[ xX]\]\s+)?|\d{1,3}[.)]\s+|>\s*)")]
    private static partial Regex MarkdownLead();

    private static int WordStart(string text, int from, int match)
    {
        if (from == 0)
        {
            return 0;
        }
        var space = text.IndexOfAny([' ', '\n'], from);
        var start = space >= 0 && space < match ? space + 1 : from;
        return char.IsLowSurrogate(text[start]) ? start - 1 : start;
    }

    private static int WordEnd(string text, int to)
    {
        if (to >= text.Length)
        {
            return text.Length;
        }
        var space = text.LastIndexOfAny([' ', '\n'], to - 1, Math.Min(40, to));
        var end = space > 0 ? space : to;
        return char.IsLowSurrogate(text[end]) ? end + 1 : end;
    }

    /// <summary>The 1-based line of position <paramref name="at"/> and the Markdown heading above it, if any.</summary>
    public static (int Line, string? Heading) Place(string text, int at)
    {
        var line = 1;
        string? heading = null;
        var lineStart = 0;
        for (var i = 0; i <= at && i < text.Length; i++)
        {
            if (text[i] != '\n')
            {
                continue;
            }
            heading = HeadingOf(text, lineStart, i) ?? heading;
            lineStart = i + 1;
            line++;
        }
        var end = text.IndexOf('\n', lineStart);
        heading = HeadingOf(text, lineStart, end < 0 ? text.Length : end) ?? heading;
        return (line, heading);
    }

    private static string? HeadingOf(string text, int start, int end)
    {
        var line = text[start..end].TrimEnd('\r');
        var level = line.TakeWhile(c => c == '#').Count();
        return level is >= 1 and <= 6 && line.Length > level && line[level] == ' ' ? line[(level + 1)..].Trim() : null;
    }
}
