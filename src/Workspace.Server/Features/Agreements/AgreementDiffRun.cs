using DiffPlex;
using System.Text;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace Workspace.Server.Features.Agreements;

/// <summary>One comparison: builds the inline and the side-by-side view in one pass over the changed lines.</summary>
internal sealed class DiffRun(TextLines older, TextLines newer)
{
    /// <summary>DiffPlex's word chunker, plus line breaks: a changed run of lines is diffed as one text, and a word
    /// must not take the break and the next line's first word with it.</summary>
    private static readonly DelimiterChunker Chunker =
        new([' ', '\t', '.', '(', ')', '{', '}', ',', '!', '?', ';', '\r', '\n']);

    private long _budget = AgreementDiff.WordBudget;

    private readonly SegmentRuns _inline = new();

    public List<DiffSegment> Inline => _inline.ToList();
    public List<DiffLine> Old { get; } = [];
    public List<DiffLine> New { get; } = [];
    public int Inserted { get; private set; }
    public int Deleted { get; private set; }
    public bool Coarse { get; private set; }

    public void Build()
    {
        var shorter = Math.Min(older.Count, newer.Count);
        var head = 0;
        while (head < shorter && older.Text[head] == newer.Text[head])
        {
            head++;
        }
        var tail = 0;
        while (tail < shorter - head && older.Text[older.Count - 1 - tail] == newer.Text[newer.Count - 1 - tail])
        {
            tail++;
        }
        int a = 0, b = 0;
        foreach (var block in LineBlocks(head, older.Count - tail, head, newer.Count - tail, out var whole))
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                Same(a, b);
            }
            Hunk(block.DeleteStartA, block.DeleteCountA, block.InsertStartB, block.InsertCountB, whole);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }
        for (; a < older.Count; a++, b++)
        {
            Same(a, b);
        }
    }

    /// <summary>The changed runs of lines between the common first and last ones, in absolute line numbers. More
    /// than <see cref="AgreementDiff.MaxLines"/> a side is one run, shown <paramref name="whole"/>: a line diff
    /// of a shuffled long text would itself cost seconds.</summary>
    private List<DiffBlock> LineBlocks(int aFrom, int aTo, int bFrom, int bTo, out bool whole)
    {
        int aCount = aTo - aFrom, bCount = bTo - bFrom;
        whole = aCount > 0 && bCount > 0 && Math.Max(aCount, bCount) > AgreementDiff.MaxLines;
        if (aCount == 0 && bCount == 0)
        {
            return [];
        }
        // DiffPlex cuts "" into no line at all, where it is one (empty) line here: such a side is one block.
        if (aCount == 0 || bCount == 0 || whole || OneEmptyLine(older, aFrom, aCount)
            || OneEmptyLine(newer, bFrom, bCount))
        {
            return [new DiffBlock(aFrom, aCount, bFrom, bCount)];
        }
        var lines = Differ.Instance.CreateDiffs(string.Join('\n', older.Text[aFrom..aTo]),
            string.Join('\n', newer.Text[bFrom..bTo]), ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        return [.. lines.DiffBlocks.Select(d => new DiffBlock(d.DeleteStartA + aFrom, d.DeleteCountA,
            d.InsertStartB + bFrom, d.InsertCountB))];
    }

    private static bool OneEmptyLine(TextLines text, int from, int count) => count == 1 && text.Text[from].Length == 0;

    private void Same(int a, int b)
    {
        Old.Add(new DiffLine(a + 1, "equal", Runs(("equal", older.Text[a]))));
        New.Add(new DiffLine(b + 1, "equal", Runs(("equal", newer.Text[b]))));
        Add("equal", older.Text[a]);
        if (older.Breaks[a] == newer.Breaks[b])
        {
            Add("equal", older.Breaks[a]);
        }
        else
        {
            Add("deleted", older.Breaks[a]);
            Add("inserted", newer.Breaks[b]);
        }
    }

    /// <summary>Old lines [a, a+aCount) replaced by new lines [b, b+bCount): inline, the words of the whole run;
    /// side by side, line against line as DiffPlex pairs them, then the lines left over against blanks.</summary>
    private void Hunk(int a, int aCount, int b, int bCount, bool whole)
    {
        Coarse |= whole;
        var words = whole ? null : Words(older.Join(a, aCount), newer.Join(b, bCount));
        if (words is null)
        {
            Add("deleted", older.Join(a, aCount));
            Add("inserted", newer.Join(b, bCount));
        }
        else
        {
            words.ForEach(w => Add(w.Kind, w.Text));
        }
        var pairs = Math.Min(aCount, bCount);
        for (var i = 0; i < pairs; i++)
        {
            var pair = words is null ? null : Words(older.Text[a + i], newer.Text[b + i]);
            Old.Add(new DiffLine(a + i + 1, "changed", pair is null ? Runs(("deleted", older.Text[a + i]))
                : Runs([.. pair.Where(w => w.Kind != "inserted")])));
            New.Add(new DiffLine(b + i + 1, "changed", pair is null ? Runs(("inserted", newer.Text[b + i]))
                : Runs([.. pair.Where(w => w.Kind != "deleted")])));
        }
        for (var i = pairs; i < aCount; i++)
        {
            Old.Add(new DiffLine(a + i + 1, "deleted", Runs(("deleted", older.Text[a + i]))));
            New.Add(new DiffLine(null, "blank", Runs(("blank", ""))));
        }
        for (var i = pairs; i < bCount; i++)
        {
            Old.Add(new DiffLine(null, "blank", Runs(("blank", ""))));
            New.Add(new DiffLine(b + i + 1, "inserted", Runs(("inserted", newer.Text[b + i]))));
        }
    }

    /// <summary>The word diff of two texts, one entry a word or separator; null (and the view coarse) when it
    /// would overrun the budget. Only the words between the common first and last ones are diffed and paid for.
    /// </summary>
    private List<(string Kind, string Text)>? Words(string x, string y)
    {
        var tx = Chunker.Chunk(x);
        var ty = Chunker.Chunk(y);
        var shorter = Math.Min(tx.Count, ty.Count);
        var head = 0;
        while (head < shorter && tx[head] == ty[head])
        {
            head++;
        }
        var tail = 0;
        while (tail < shorter - head && tx[tx.Count - 1 - tail] == ty[ty.Count - 1 - tail])
        {
            tail++;
        }
        long mx = tx.Count - head - tail, my = ty.Count - head - tail;
        var cost = mx > 0 && my > 0 ? (mx + my) * (mx + my) : 0;
        if (cost > _budget)
        {
            Coarse = true;
            return null;
        }
        _budget -= cost;
        var words = new List<(string Kind, string Text)>(tx.Count + (int)my);
        words.AddRange(Enumerable.Range(0, head).Select(i => ("equal", tx[i])));
        var midX = string.Concat(Enumerable.Range(head, (int)mx).Select(i => tx[i]));
        var midY = string.Concat(Enumerable.Range(head, (int)my).Select(i => ty[i]));
        if (mx == 0 || my == 0)
        {
            words.AddRange(Enumerable.Range(head, (int)mx).Select(i => ("deleted", tx[i])));
            words.AddRange(Enumerable.Range(head, (int)my).Select(i => ("inserted", ty[i])));
        }
        else
        {
            Middle(Differ.Instance.CreateDiffs(midX, midY, false, false, Chunker), words);
        }
        words.AddRange(Enumerable.Range(tx.Count - tail, tail).Select(i => ("equal", tx[i])));
        return words;
    }

    /// <summary>DiffPlex's blocks as words in reading order: the same ones, then the deleted, then the inserted.
    /// </summary>
    private static void Middle(DiffResult diff, List<(string Kind, string Text)> words)
    {
        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++)
            {
                words.Add(("equal", diff.PiecesOld[a]));
            }
            words.AddRange(diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)
                .Select(p => ("deleted", p)));
            words.AddRange(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)
                .Select(p => ("inserted", p)));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        for (; a < diff.PiecesOld.Count; a++)
        {
            words.Add(("equal", diff.PiecesOld[a]));
        }
    }

    /// <summary>Adds a piece of the inline view, counting the words (not the spaces) added and taken away.</summary>
    private void Add(string kind, string text)
    {
        if (kind is "inserted" or "deleted")
        {
            var count = text.Length == 0 ? 0
                : Chunker.Chunk(text).Count(w => !string.IsNullOrWhiteSpace(w));
            Inserted += kind == "inserted" ? count : 0;
            Deleted += kind == "deleted" ? count : 0;
        }
        _inline.Add(kind, text);
    }

    private static List<DiffSegment> Runs(params (string Kind, string Text)[] pieces)
    {
        var runs = new SegmentRuns();
        foreach (var (kind, text) in pieces)
        {
            runs.Add(kind, text);
        }
        return runs.ToList();
    }
}

/// <summary>Pieces joined into runs of one kind, so a changed phrase is one run, not one per word. A builder per
/// run: the equal run of a long text gathers hundreds of thousands of pieces.</summary>
internal sealed class SegmentRuns
{
    private readonly List<(string Kind, StringBuilder Text)> _runs = [];

    public void Add(string kind, string text)
    {
        if (text.Length == 0 && kind != "blank")
        {
            return;
        }
        if (_runs.Count > 0 && _runs[^1].Kind == kind)
        {
            _runs[^1].Text.Append(text);
        }
        else
        {
            _runs.Add((kind, new StringBuilder(text)));
        }
    }

    public List<DiffSegment> ToList() => [.. _runs.Select(r => new DiffSegment(r.Kind, r.Text.ToString()))];
}
