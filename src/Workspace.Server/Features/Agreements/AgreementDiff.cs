using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Workspace.Server.Features.Agreements;

/// <summary>A run of words that is the same on both sides ("equal"), only in the newer text ("inserted") or only in
/// the older ("deleted").</summary>
public sealed record DiffSegment(string Kind, string Text);

/// <summary>One line of one side: "equal", "inserted", "deleted", "changed" or "blank" (a filler across from a line
/// of the other side).</summary>
public sealed record DiffLine(int? Number, string Kind, IReadOnlyList<DiffSegment> Segments);

/// <summary>Both views of a comparison: inline (word runs over the whole text) and side by side (lines, words
/// within).</summary>
public sealed record DiffView(
    string FromLabel, string ToLabel, IReadOnlyList<DiffSegment> Inline, IReadOnlyList<DiffLine> Old,
    IReadOnlyList<DiffLine> New, int Inserted, int Deleted);

/// <summary>Word-level comparison of two texts with DiffPlex.</summary>
public static class AgreementDiff
{
    public static DiffView Compare(string older, string newer, string fromLabel, string toLabel)
    {
        var inline = new List<DiffSegment>();
        int inserted = 0, deleted = 0;
        foreach (var piece in InlineDiffBuilder.Diff(older, newer, ignoreWhiteSpace: false, ignoreCase: false,
            chunker: new WordChunker()).Lines)
        {
            var kind = KindOf(piece.Type);
            if (kind == "inserted" && !string.IsNullOrWhiteSpace(piece.Text))
            {
                inserted++;
            }
            else if (kind == "deleted" && !string.IsNullOrWhiteSpace(piece.Text))
            {
                deleted++;
            }
            Append(inline, kind, piece.Text ?? "");
        }
        var sides = SideBySideDiffBuilder.Diff(new Differ(), older, newer, ignoreWhiteSpace: false, ignoreCase: false,
            lineChunker: new LineChunker(), wordChunker: new WordChunker());
        return new DiffView(fromLabel, toLabel, inline, Lines(sides.OldText), Lines(sides.NewText), inserted, deleted);
    }

    private static List<DiffLine> Lines(DiffPaneModel pane) => [.. pane.Lines.Select(line =>
    {
        var segments = new List<DiffSegment>();
        if (line.Type == ChangeType.Modified && line.SubPieces.Count > 0)
        {
            foreach (var piece in line.SubPieces)
            {
                Append(segments, KindOf(piece.Type), piece.Text ?? "");
            }
        }
        else
        {
            Append(segments, KindOf(line.Type), line.Text ?? "");
        }
        return new DiffLine(line.Position, line.Type == ChangeType.Modified ? "changed" : KindOf(line.Type), segments);
    })];

    private static string KindOf(ChangeType type) => type switch
    {
        ChangeType.Inserted => "inserted",
        ChangeType.Deleted => "deleted",
        ChangeType.Imaginary => "blank",
        ChangeType.Modified => "changed",
        _ => "equal",
    };

    /// <summary>Joins a piece to the previous run of the same kind, so a changed phrase is one run, not one per
    /// word.</summary>
    private static void Append(List<DiffSegment> segments, string kind, string text)
    {
        if (text.Length == 0 && kind != "blank")
        {
            return;
        }
        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }
}
