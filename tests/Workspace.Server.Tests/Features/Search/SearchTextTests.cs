using Workspace.Server.Features.Search;

namespace Workspace.Server.Tests.Features.Search;

/// <summary>Matching in memory: folding keeps positions, marks and snippets point at the words found.</summary>
public sealed class SearchTextTests
{
    [Fact]
    public void FoldingDropsCaseAndAccentsAndKeepsEveryPosition()
    {
        Assert.Equal("ekspor kopi ke sao paulo", SearchText.Fold("Ékspor KOPI ke São Paulo"));
        var emoji = "🌾 Panen";
        Assert.Equal(emoji.Length, SearchText.Fold(emoji).Length);
        Assert.Equal("🌾 panen", SearchText.Fold(emoji));
    }

    [Fact]
    public void MarksCoverEveryOccurrenceAfterCharactersOfTwoUnits()
    {
        var text = "🌾 Panen padi, PANEN jagung";

        var marks = SearchText.Marks(text, ["panen"]);

        Assert.Equal(["Panen", "PANEN"], marks.Select(m => text.Substring(m.Start, m.Length)));
    }

    [Fact]
    public void OverlappingMarksAreMerged()
    {
        var marks = SearchText.Marks("kopiluwak", ["kopi", "pilu"]);

        Assert.Equal([new SearchMark(0, 6)], marks);
    }

    [Fact]
    public void ASnippetIsCutAtWordsAroundTheFirstMatchAndSaysSo()
    {
        var text = "Judul\n" + string.Join(' ', Enumerable.Repeat("awal", 40))
            + " Keuntungan dibagi rata setelah biaya ditutup. " + string.Join(' ', Enumerable.Repeat("akhir", 60));

        var (snippet, marks) = SearchText.Snippet(text, ["dibagi"])!.Value;

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.DoesNotContain("\n", snippet);
        Assert.Contains("Keuntungan dibagi rata", snippet);
        Assert.Equal("dibagi", snippet.Substring(marks[0].Start, marks[0].Length));
        Assert.DoesNotContain(" awa ", snippet + " ");
        Assert.Null(SearchText.Snippet(text, ["durian"]));
    }

    [Fact]
    public void ASnippetStaysOnTheLineOfTheMatchWithoutItsMarkdownMarker()
    {
        const string text = "# Panen\n\n## Pembagian keuntungan\n\n- [ ] Kirim manggis @rina\nakhir";

        Assert.Equal("Pembagian keuntungan", SearchText.Snippet(text, ["keuntungan"])!.Value.Text);
        Assert.Equal("Kirim manggis @rina", SearchText.Snippet(text, ["manggis"])!.Value.Text);
        Assert.Equal("akhir", SearchText.Snippet(text, ["akhir"])!.Value.Text);
    }

    [Fact]
    public void APlaceIsTheLineAndTheHeadingAboveIt()
    {
        const string text = "# Rencana\n\nIsi\n\n## Biaya\n\nBiaya gudang dibagi dua.\n";

        Assert.Equal((7, "Biaya"), SearchText.Place(text, text.IndexOf("gudang", StringComparison.Ordinal)));
        Assert.Equal((1, "Rencana"), SearchText.Place(text, 2));
        Assert.Equal((1, (string?)null), SearchText.Place("tanpa judul", 3));
    }
}
