using Workspace.Server.Features.Agreements;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>
/// <see cref="AgreementDiff.Compare"/> on large texts: ordinary edits stay word by word, rewrites are shown whole
/// (<see cref="DiffView.Coarse"/>) and nothing is lost. The timeouts are far above the expected time (well under a
/// second): they only stop a regression to a diff that runs for minutes.
/// </summary>
public sealed class AgreementDiffTests
{
    private static readonly string[] Vocabulary = ("the party shall pay all costs within thirty days of an invoice " +
        "under this agreement and any dispute goes to arbitration after notice in writing").Split(' ');

    [Fact(Timeout = 30_000)]
    public async Task OneWordChangedInALongTextIsThatWordInBothViews()
    {
        var older = Clauses(3000, seed: 1);
        var at = older.IndexOf("arbitration", older.Length / 2, StringComparison.Ordinal);
        var newer = older[..at] + "mediation" + older[(at + "arbitration".Length)..];

        var diff = await CompareAsync(older, newer);

        Assert.False(diff.Coarse);
        Assert.Equal(["arbitration"], diff.Inline.Where(s => s.Kind == "deleted").Select(s => s.Text));
        Assert.Equal(["mediation"], diff.Inline.Where(s => s.Kind == "inserted").Select(s => s.Text));
        Assert.Equal((1, 1), (diff.Inserted, diff.Deleted));
        var oldLine = Assert.Single(diff.Old, l => l.Kind != "equal");
        var newLine = Assert.Single(diff.New, l => l.Kind != "equal");
        Assert.Equal(("changed", "changed"), (oldLine.Kind, newLine.Kind));
        Assert.Equal(oldLine.Number, newLine.Number);
        Assert.Equal(["arbitration"], oldLine.Segments.Where(s => s.Kind == "deleted").Select(s => s.Text));
        Assert.Equal(["mediation"], newLine.Segments.Where(s => s.Kind == "inserted").Select(s => s.Text));
        AssertNothingLost(older, newer, diff);
    }

    [Fact(Timeout = 30_000)]
    public async Task TwoEditsFarApartAreBothMarkedWordByWord()
    {
        var older = Clauses(3000, seed: 2);
        var lines = older.Split('\n');
        var words = lines[10].Split(' ');
        var was = words[3];
        words[3] = "perhaps";
        lines[10] = string.Join(' ', words);
        var far = lines[2900].Split(' ').ToList();
        far.Insert(2, "promptly");
        lines[2900] = string.Join(' ', far);
        var newer = string.Join('\n', lines);

        var diff = await CompareAsync(older, newer);

        Assert.False(diff.Coarse);
        Assert.Equal([was], diff.Inline.Where(s => s.Kind == "deleted").Select(s => s.Text));
        Assert.Equal(["perhaps", "promptly "], diff.Inline.Where(s => s.Kind == "inserted").Select(s => s.Text));
        Assert.Equal((2, 1), (diff.Inserted, diff.Deleted));
        Assert.Equal([11, 2901], diff.New.Where(l => l.Kind == "changed").Select(l => l.Number));
        AssertNothingLost(older, newer, diff);
    }

    [Fact(Timeout = 30_000)]
    public async Task TwoUnrelatedLongTextsAreShownWhole()
    {
        var older = Clauses(8000, seed: 3);
        var newer = Clauses(8000, seed: 4);
        Assert.True(older.Split(' ', '\n').Length > 100_000);

        var diff = await CompareAsync(older, newer);

        Assert.True(diff.Coarse);
        Assert.True(diff.Inserted > 90_000 && diff.Deleted > 90_000, $"{diff.Inserted} / {diff.Deleted}");
        AssertNothingLost(older, newer, diff);
    }

    [Fact(Timeout = 30_000)]
    public async Task ALongTextWithItsLinesReversedIsShownWhole()
    {
        var older = Clauses(6000, seed: 5);
        var newer = string.Join('\n', older.Split('\n').Reverse());

        var diff = await CompareAsync(older, newer);

        Assert.True(diff.Coarse);
        AssertNothingLost(older, newer, diff);
    }

    [Fact(Timeout = 30_000)]
    public async Task TwoLongLinesWithoutBreaksAreShownWhole()
    {
        var older = Clauses(4000, seed: 6).Replace('\n', ' ')[..300_000];
        var newer = Clauses(4000, seed: 7).Replace('\n', ' ')[..300_000];

        var diff = await CompareAsync(older, newer);

        Assert.True(diff.Coarse);
        Assert.Equal(("changed", "changed"), (Assert.Single(diff.Old).Kind, Assert.Single(diff.New).Kind));
        AssertNothingLost(older, newer, diff);
    }

    [Theory]
    [InlineData("", "1. First clause.\n2. Second clause.")]
    [InlineData("1. First clause.", "")]
    [InlineData("1. Pay.\n\n3. Notice.", "1. Pay.\n2. Costs are shared.\n\n\n3. Notice.")]
    [InlineData("1. Pay.\n2. Costs.\n3. Notice.", "1. Pay.\n\n3. Notice.")]
    [InlineData("\n", "a\n")]
    public async Task AnEmptyTextOrAnEmptyLineBetweenTheCommonLinesIsCompared(string older, string newer)
    {
        // DiffPlex cuts an empty text into no line at all; the first version of an agreement (revision 0) is empty.
        var diff = await CompareAsync(older, newer);

        Assert.False(diff.Coarse);
        AssertNothingLost(older, newer, diff);
    }

    private static Task<DiffView> CompareAsync(string older, string newer) =>
        Task.Run(() => AgreementDiff.Compare(older, newer, "r1", "r2"), TestContext.Current.CancellationToken);

    /// <summary>Numbered clauses of random words, one a line, so no two lines are alike.</summary>
    private static string Clauses(int count, int seed)
    {
        var random = new Random(seed);
        return string.Join('\n', Enumerable.Range(1, count).Select(i => $"{i}. " + string.Join(' ',
            Enumerable.Range(0, 12 + random.Next(8)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)])) + "."));
    }

    /// <summary>Both views put together give both texts back, character for character.</summary>
    private static void AssertNothingLost(string older, string newer, DiffView diff)
    {
        Assert.Equal(older, string.Concat(diff.Inline.Where(s => s.Kind != "inserted").Select(s => s.Text)));
        Assert.Equal(newer, string.Concat(diff.Inline.Where(s => s.Kind != "deleted").Select(s => s.Text)));
        Assert.Equal(older, string.Join('\n', diff.Old.Where(l => l.Kind != "blank").Select(l =>
            string.Concat(l.Segments.Where(s => s.Kind != "inserted").Select(s => s.Text)))));
        Assert.Equal(newer, string.Join('\n', diff.New.Where(l => l.Kind != "blank").Select(l =>
            string.Concat(l.Segments.Where(s => s.Kind != "deleted").Select(s => s.Text)))));
    }
}
