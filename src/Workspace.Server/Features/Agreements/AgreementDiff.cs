namespace Workspace.Server.Features.Agreements;

/// <summary>A run of words that is the same on both sides ("equal"), only in the newer text ("inserted") or only in
/// the older ("deleted").</summary>
public sealed record DiffSegment(string Kind, string Text);

/// <summary>One line of one side: "equal", "inserted", "deleted", "changed" or "blank" (a filler across from a line
/// of the other side).</summary>
public sealed record DiffLine(int? Number, string Kind, IReadOnlyList<DiffSegment> Segments);

/// <summary>Both views of a comparison: inline (word runs over the whole text) and side by side (lines, words
/// within). <paramref name="Coarse"/>: some changed lines were too much work to mark word by word and are shown as
/// whole deleted and inserted lines.</summary>
public sealed record DiffView(
    string FromLabel, string ToLabel, IReadOnlyList<DiffSegment> Inline, IReadOnlyList<DiffLine> Old,
    IReadOnlyList<DiffLine> New, int Inserted, int Deleted, bool Coarse = false);

/// <summary>
/// Word-level comparison of two texts with DiffPlex, in bounded work. A Myers diff costs about (N+M)·D, so two
/// unrelated agreements (up to a million characters each) would keep a core busy for minutes. Hence: common lines
/// at both ends are skipped, the lines between are diffed only up to <see cref="MaxLines"/> a side, and each changed
/// stretch is diffed word by word only while <see cref="WordBudget"/> lasts; beyond that it is shown whole.
/// </summary>
public static class AgreementDiff
{
    /// <summary>Lines a side, between the common first and last lines, that are still diffed line by line.</summary>
    public const int MaxLines = 4000;

    /// <summary>Σ (tokens old + tokens new)² of the word diffs of one comparison (about 0.1 s of one core).</summary>
    public const long WordBudget = 64_000_000;

    public static DiffView Compare(string older, string newer, string fromLabel, string toLabel)
    {
        var run = new DiffRun(TextLines.Split(older), TextLines.Split(newer));
        run.Build();
        return new DiffView(fromLabel, toLabel, run.Inline, run.Old, run.New, run.Inserted, run.Deleted, run.Coarse);
    }
}

/// <summary>A text's lines as DiffPlex's line chunker cuts them, each with the line break that ended it ("" for the
/// last), so the pieces put together give the text back exactly.</summary>
internal sealed record TextLines(string[] Text, string[] Breaks)
{
    public static TextLines Split(string text)
    {
        List<string> lines = [], breaks = [];
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n'))
            {
                continue;
            }
            var width = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            lines.Add(text[start..i]);
            breaks.Add(text.Substring(i, width));
            i += width - 1;
            start = i + 1;
        }
        lines.Add(text[start..]);
        breaks.Add("");
        return new TextLines([.. lines], [.. breaks]);
    }

    public int Count => Text.Length;

    /// <summary>Lines [from, from+count) with their breaks, as one string.</summary>
    public string Join(int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(i => Text[i] + Breaks[i]));
}
