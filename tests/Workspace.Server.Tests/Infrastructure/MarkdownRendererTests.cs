using AngleSharp.Html.Parser;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Tests.Infrastructure;

public sealed partial class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<int> CorpusIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < XssCorpus.Cases.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Fact]
    public void CorpusHasAtLeastFortyCases() => Assert.True(XssCorpus.Cases.Length >= 40);

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void XssCorpusCaseRendersWithoutExecutableContent(int index)
    {
        var html = Renderer.Render(XssCorpus.Cases[index]);

        HtmlSafety.AssertInert(html);
    }

    [Fact]
    public void AssertInertCatchesExecutableContent()
    {
        // The checker itself must be able to fail, or the corpus test proves nothing.
        Assert.ThrowsAny<Exception>(() => HtmlSafety.AssertInert("<img src=x onerror=alert(1)>"));
        Assert.ThrowsAny<Exception>(() => HtmlSafety.AssertInert("<a href=\" JaVa&#x0A;script:alert(1)\">x</a>"));
        Assert.ThrowsAny<Exception>(() => HtmlSafety.AssertInert("<svg></svg>"));
        Assert.ThrowsAny<Exception>(() => HtmlSafety.AssertInert("<a href=\"data:text/html,x\">x</a>"));
    }

    [Fact]
    public void OrdinaryMarkdownKeepsItsFormatting()
    {
        var html = Renderer.Render(
            "# Plan\n\n**bold** and *em*, [site](https://example.org), [doc](/p/1/docs), "
                + "[mail](mailto:a@example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] "
                    + "open\n\n`code`");
        var doc = new HtmlParser().ParseDocument(html);

        Assert.NotNull(doc.QuerySelector("h1"));
        Assert.NotNull(doc.QuerySelector("strong"));
        Assert.NotNull(doc.QuerySelector("table td"));
        Assert.NotNull(doc.QuerySelector("code"));
        Assert.Equal(
            ["https://example.org", "/p/1/docs", "mailto:a@example.org"],
            doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var boxes = doc.QuerySelectorAll("input[type=checkbox]");
        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, b => Assert.True(b.HasAttribute("disabled")));
        Assert.Single(boxes, b => b.HasAttribute("checked"));
        HtmlSafety.AssertInert(html);
    }

    [Fact]
    public void SameNamedHeadingsGetUniquePrefixedIdsAndLinksFollowThem()
    {
        var html = Renderer.Render("# a\n\n# a-1\n\n# a\n\n# a\n\n[x](#a-2) [y](#a-1)");
        var doc = new HtmlParser().ParseDocument(html);

        // The heading literally named "a-1" keeps its id; the same-named ones skip it.
        Assert.Equal(
            ["user-content-a", "user-content-a-1", "user-content-a-2", "user-content-a-3"],
            doc.QuerySelectorAll("h1").Select(h => h.Id));
        Assert.Equal(
            ["#user-content-a-2", "#user-content-a-1"],
            doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    // A regression guard against the quadratic heading ids of Markdig's AutoIdentifiers (minutes of CPU for
    // this text); the timeout is far above the expected time (well under a second), not a timing assertion.
    [Fact(Timeout = 60_000)]
    public async Task FortyThousandSameNamedHeadingsRenderWithDistinctIds()
    {
        var text = string.Concat(Enumerable.Repeat("# a\n\n", 40_000));
        Assert.Equal(MarkdownRenderer.MaxLength, text.Length);

        var html = await Task.Run(() => Renderer.Render(text), TestContext.Current.CancellationToken);

        var ids = new HtmlParser().ParseDocument(html).QuerySelectorAll("h1").Select(h => h.Id).ToList();
        Assert.Equal(40_000, ids.Count);
        Assert.Equal(40_000, ids.Distinct().Count());
    }

    [Fact]
    public void UsersCannotWriteIdsOrClasses()
    {
        var html = Renderer.Render(
            "# Sync {#sync .overlay}\n\nText {#editor .overlay}\n\n[link](https://example.org){#presence .overlay}"
                + "\n\n::: overlay\ninside\n:::\n\n```overlay\ncode\n```");
        var doc = new HtmlParser().ParseDocument(html);

        foreach (var element in doc.Body!.QuerySelectorAll("*"))
        {
            var id = element.GetAttribute("id");
            Assert.True(id is null || id.StartsWith(MarkdownRenderer.IdPrefix, StringComparison.Ordinal), id);
            Assert.Empty(element.ClassList);
        }
        Assert.Null(doc.GetElementById("sync"));
        // The braces are text now: shown, and part of the heading's id.
        Assert.Equal("user-content-sync-sync.overlay", doc.QuerySelector("h1")!.Id);
    }

    [Fact]
    public void MarkdigsOwnClassesStay()
    {
        var html = Renderer.Render(
            "- [x] done\n- [ ] open\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\nNote[^1]\n\n[^1]: The note.");
        var doc = new HtmlParser().ParseDocument(html);

        Assert.NotNull(doc.QuerySelector("ul.contains-task-list > li.task-list-item > input[type=checkbox]"));
        Assert.NotNull(doc.QuerySelector("table th"));
        Assert.NotNull(doc.QuerySelector("div.footnotes"));
        var reference = doc.QuerySelector("a.footnote-ref")!;
        var note = doc.GetElementById(reference.GetAttribute("href")![1..]);
        Assert.NotNull(note);
        Assert.StartsWith(MarkdownRenderer.IdPrefix, note.Id);
        Assert.NotNull(doc.QuerySelector("a.footnote-back-ref"));
    }

    public static TheoryData<string> TooDeeplyNested() =>
    [
        new string('>', 100_000) + " <script>alert(1)</script>",
        new string('[', 100_000) + "<img src=x onerror=alert(1)>",
        string.Concat(Enumerable.Repeat("*a ", 60_000)),
    ];

    [Theory]
    [MemberData(nameof(TooDeeplyNested))]
    public void TooDeeplyNestedTextIsShownEscapedInFull(string text)
    {
        var html = Renderer.Render(text);

        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(text, doc.QuerySelector("pre")!.TextContent);
        HtmlSafety.AssertInert(html);
    }

    [Fact]
    public void RawHtmlIsShownAsText()
    {
        var html = Renderer.Render("<b>not bold</b>");

        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
    }
}

/// <summary>Checks on parsed HTML that nothing in it can run script.</summary>
public static class HtmlSafety
{
    private static readonly string[] ForbiddenElements =
        [
            "script",
            "iframe",
            "frame",
            "object",
            "embed",
            "svg",
            "math",
            "style",
            "link",
            "meta",
            "base",
            "form",
            "template",
            "noscript",
            "video",
            "audio",
            "source",
            "button",
            "textarea",
            "select"];

    /// <summary>No element, attribute or URL in <paramref name="html"/> can run script.</summary>
    public static void AssertInert(string html)
    {
        var doc = new HtmlParser().ParseDocument($"<!doctype html><body>{html}</body>");
        foreach (var element in doc.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.LocalName.ToLowerInvariant();
                Assert.False(name.StartsWith("on", StringComparison.Ordinal), $"event handler {name} in {html}");
                Assert.NotEqual("style", name);
                Assert.NotEqual("srcdoc", name);
                Assert.NotEqual("formaction", name);
                if (name is "href" or "src" or "action" or "xlink:href" or "background" or "poster" or "data" or "cite")
                {
                    var url = new string(
                        attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray())
                        .ToLowerInvariant();
                    var decoded = Uri.UnescapeDataString(url);
                    foreach (var scheme in new[] { "javascript:", "data:", "vbscript:" })
                    {
                        Assert.False(
                            url.StartsWith(scheme, StringComparison.Ordinal)
                                || decoded.StartsWith(scheme, StringComparison.Ordinal),
                            $"{name}={attribute.Value} in {html}");
                    }
                    var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                    var slash = decoded.IndexOfAny(['/', '?', '#']);
                    if (colon >= 0 && (slash < 0 || colon < slash))
                    {
                        Assert.Contains(decoded[..colon], new[] { "http", "https", "mailto" });
                    }
                }
            }
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
