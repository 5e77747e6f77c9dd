using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Tests.Kernel.ChecklistLinks;

public sealed class ChecklistTests
{
    [Fact]
    public void TaskLineGivesTitleOwnerDueAndLink()
    {
        var lines = Checklist.Parse("# Plan\n\n- [ ] Send draft MoU @rina due:2026-12-15 #A12\n- [x] Kick-off\n");

        Assert.Equal(2, lines.Count);
        var first = lines[0];
        Assert.Equal("Send draft MoU", first.Title);
        Assert.Equal("rina", first.Handle);
        Assert.Equal(new DateOnly(2026, 12, 15), first.Due);
        Assert.Equal(12, first.Number);
        Assert.False(first.Done);
        Assert.True(lines[1].Done);
        Assert.Null(lines[1].Number);
    }

    [Fact]
    public void PositionsCountCodePointsSoAstralCharactersAreOne()
    {
        const string text = "🎉 party\n- [ ] Book 🎂 cake";
        var line = Assert.Single(Checklist.Parse(text));

        Assert.Equal(8, line.Start); // "🎉 party" is 7 code points plus the newline
        Assert.Equal(line.Start + 3, line.MarkOffset);
        Assert.Equal(17, line.Length); // "- [ ] Book 🎂 cake"
    }

    [Theory]
    [InlineData("- [] not a task")]
    [InlineData("-[ ] no space")]
    [InlineData("- [ ]")]
    [InlineData("    code? - [ ] not at line start")]
    [InlineData("```\n- [ ] inside a code fence\n```")]
    public void NonTaskLinesAreIgnored(string text)
    {
        Assert.Empty(Checklist.Parse(text));
    }

    [Fact]
    public void NumberedAndStarListsAndInvalidDatesAreHandled()
    {
        var lines = Checklist.Parse("1. [X] Numbered due:2026-02-30\n* [ ] Starred");

        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].Done);
        Assert.Null(lines[0].Due);
        Assert.Equal(ChecklistProblem.DueInvalid, lines[0].Problem);
        Assert.Equal("Starred", lines[1].Title);
        Assert.Null(lines[1].Problem);
    }

    [Theory]
    [InlineData("- [ ] Pay due:2026-02-30", ChecklistProblem.DueInvalid)]
    [InlineData("- [ ] Pay due:2026-13-01", ChecklistProblem.DueInvalid)]
    [InlineData("- [ ] Pay due:tomorrow", ChecklistProblem.DueInvalid)]
    [InlineData("- [ ] Pay due:", ChecklistProblem.DueInvalid)]
    [InlineData("- [ ] @rina due:2026-12-01", ChecklistProblem.TitleEmpty)]
    [InlineData("- [ ] - [ ]", ChecklistProblem.TitleEmpty)]
    [InlineData("- [ ] Pay due:2028-02-29 @rina", null)]
    public void LinesThatCannotBeReadSayWhy(string text, string? problem)
    {
        Assert.Equal(problem, Assert.Single(Checklist.Parse(text)).Problem);
    }

    [Fact]
    public void TitleLongerThanAnItemTakesIsAProblemAndTheLimitItselfIsNot()
    {
        var lines = Checklist.Parse($"- [ ] {new string('x', 301)} @rina\n- [ ] {new string('y', 300)} due:2026-12-01");

        Assert.Equal(ChecklistProblem.TitleTooLong, lines[0].Problem);
        Assert.Null(lines[1].Problem);
        Assert.Equal(300, lines[1].Title.Length);
    }

    [Fact]
    public void DoubledMarkerFromListContinuationIsNotPartOfTheTitle()
    {
        const string text = "- [ ] - [ ] Pay the mill @budi due:2026-12-01\n* [x] [ ] Ship\n1. [ ] 2. [ ] Count";
        var lines = Checklist.Parse(text);

        Assert.Equal(["Pay the mill", "Ship", "Count"], lines.Select(l => l.Title));
        Assert.Equal("budi", lines[0].Handle);
        Assert.Equal(new DateOnly(2026, 12, 1), lines[0].Due);
        Assert.False(lines[0].Done);
        Assert.True(lines[1].Done);
        // The words after the first box are rewritten whole by a board change, so the doubled marker goes then.
        Assert.Equal(6, lines[0].RestOffset);
        Assert.All(lines, l => Assert.Null(l.Problem));
    }

    [Fact]
    public void ADueDateOutsideTheYears2000To2100IsNoDueDate()
    {
        var lines = Checklist.Parse(
            "- [ ] Far off due:9999-12-31\n- [ ] Long ago due:0001-01-01\n- [ ] Last day due:2100-12-31\n");

        Assert.Equal(["Far off", "Long ago", "Last day"], lines.Select(l => l.Title));
        Assert.Null(lines[0].Due);
        Assert.Null(lines[1].Due);
        Assert.Equal(new DateOnly(2100, 12, 31), lines[2].Due);
    }

    [Theory]
    [InlineData("rina", "Rina Wijaya", "rina.w@example.org", true)]
    [InlineData("RinaWijaya", "Rina Wijaya", "x@example.org", true)]
    [InlineData("rina.w", "Someone", "rina.w@example.org", true)]
    [InlineData("budi", "Rina Wijaya", "rina@example.org", false)]
    public void HandlesMatchNameOrEmail(string handle, string name, string email, bool expected)
    {
        Assert.Equal(expected, Checklist.HandleMatches(handle, name, email));
    }
}
