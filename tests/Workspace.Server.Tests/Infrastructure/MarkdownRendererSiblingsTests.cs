using AngleSharp.Html.Parser;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// One block whose elements have very many children (a list of 45,000 items, a table of 30,000 rows, a paragraph of
/// 45,000 code spans) is sanitised in pieces (WideBlockSanitizer): it must come out whole, in one element (one
/// list, one table), and still sanitised inside the pieces far from the start.
/// </summary>
public sealed partial class MarkdownRendererTests
{
    private const string Evil = "[go](javascript:alert(1)) ![i](javascript:alert(2)) <img src=x onerror=alert(3)>";

    public static TheoryData<string> SiblingShapes() =>
        ["list", "ordered", "task", "nested", "table", "code", "breaks", "links", "footnotes", "quote"];

    [Theory]
    [MemberData(nameof(SiblingShapes))]
    public void OneBlockOfManySiblingsRendersWholeAndSanitised(string shape)
    {
        var (markdown, selector, count, container) = Shape(shape);
        Assert.True(markdown.Length <= MarkdownRenderer.MaxLength, $"{markdown.Length} chars");

        var html = Renderer.Render(markdown);
        var doc = new HtmlParser().ParseDocument(html);

        Assert.Equal(count, doc.QuerySelectorAll(selector).Length);
        Assert.Single(doc.QuerySelectorAll(container));
        var text = doc.QuerySelector(container)!.TextContent.TrimEnd();
        Assert.Contains("last", text[^20..], StringComparison.Ordinal);
        // The item far into the block is sanitised: the links stay without their URL, the raw tag is text.
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.TextContent == "go" && !a.HasAttribute("href"));
        Assert.Contains(doc.QuerySelectorAll("img"), img => img.GetAttribute("alt") == "i" && !img.HasAttribute("src"));
        Assert.Contains("&lt;img src=x onerror=alert(3)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        // HtmlSafety.AssertInert formats the whole HTML into each message; on megabytes that takes minutes.
        var tags = new HashSet<string>(["ul", "ol", "li", "p", "a", "img", "input", "code", "br", "table", "thead",
            "tbody", "tr", "th", "td", "div", "hr", "sup", "blockquote"]);
        var elements = doc.Body!.QuerySelectorAll("*");
        Assert.All(elements, e => Assert.Contains(e.LocalName, tags));
        Assert.DoesNotContain(elements, e => e.Attributes.Any(x => x.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(300)]
    public void ListAcrossPieceBoundariesIsTheSameHtmlAsOneList(int items)
    {
        // Each item is two children of the <ul> (the <li> and the "\n" after it); pieces are 128 children.
        var markdown = "> 5. [h](#h)\n" + string.Concat(Enumerable.Range(1, items).Select(i => $"> 1. *i{i}*\n"));
        var expected = "<blockquote>\n<ol start=\"5\">\n"
            + "<li><a href=\"#user-content-h\" rel=\"noopener noreferrer nofollow\">h</a></li>\n"
            + string.Concat(Enumerable.Range(1, items).Select(i => $"<li><em>i{i}</em></li>\n"))
            + "</ol>\n</blockquote>\n";

        Assert.Equal(expected, Renderer.Render(markdown));
    }

    [Fact]
    public void TableAcrossPieceBoundariesIsTheSameHtmlAsOneTable()
    {
        var markdown = "| a |\n|---|\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"| `r{i}` |\n"));
        var expected = "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n"
            + string.Concat(Enumerable.Range(1, 200).Select(i => $"<tr>\n<td><code>r{i}</code></td>\n</tr>\n"))
            + "</tbody>\n</table>\n";

        Assert.Equal(expected, Renderer.Render(markdown));
    }

    [Fact]
    public void HtmlThatIsNotOneBalancedTreeIsNotCut()
    {
        Assert.Null(WideBlockSanitizer.Parse("<ul><li>a</ul>"));
        Assert.Null(WideBlockSanitizer.Parse("<p>a</p><"));
        Assert.Null(WideBlockSanitizer.Parse("<ul>"));
        var items = string.Concat(Enumerable.Repeat("<li>a</li>", 128));
        Assert.False(WideBlockSanitizer.Parse("<ul>" + items + "</ul>")!.Wide);
        Assert.True(WideBlockSanitizer.Parse("<p>" + string.Concat(Enumerable.Repeat("<br />a", 65)) + "</p>")!.Wide);
    }

    /// <summary>A text of one block with many siblings: its markdown, the selector of the siblings, their count
    /// and the selector of the one container. The item at 4/5 of the block holds <see cref="Evil"/>, the last
    /// one "last".</summary>
    private static (string Markdown, string Selector, int Count, string Container) Shape(string shape) => shape switch
    {
        "list" => (Items(45_000, i => $"- {i}\n"), "ul > li", 45_000, "ul"),
        "ordered" => (Items(36_000, i => $"1. {i}\n"), "ol > li", 36_000, "ol"),
        "task" => (Items(20_000, i => $"- [ ] {i}\n"), "li.task-list-item", 20_000, "ul.contains-task-list"),
        "nested" => (Items(18_000, i => $"- a\n  - {i}\n"), "ul ul > li", 18_000, "body > ul"),
        "table" => ("| h |\n|---|\n" + Items(30_000, i => $"| {i} |\n"), "tbody > tr", 30_000, "table"),
        "code" => (Items(40_000, i => i == "a" ? "`a` " : $"{i} "), "p > code", 39_998, "p"),
        "breaks" => (Items(45_000, i => $"{i}  \n"), "p > br", 44_999, "p"),
        "links" => (Items(25_000, i => i == Evil ? $"{i} " : $"[{i}](b) "), "p > a[href='b']", 24_999, "p"),
        "footnotes" => (Footnotes(8_000), "div.footnotes > ol > li", 8_000, "div.footnotes"),
        "quote" => (Items(30_000, i => $"> {i}\n>\n"), "blockquote > p", 30_000, "blockquote"),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static string Items(int count, Func<string, string> item) =>
        string.Concat(Enumerable.Range(0, count).Select(i =>
            item(i == count * 4 / 5 ? Evil : i == count - 1 ? "last" : "a")));

    private static string Footnotes(int count)
    {
        var refs = string.Concat(Enumerable.Range(1, count).Select(i => $"[^{i}] "));
        return refs + "\n\n" + string.Concat(Enumerable.Range(1, count).Select(i =>
            $"[^{i}]: {(i - 1 == count * 4 / 5 ? Evil : i == count ? "last" : "n")}\n"));
    }
}
