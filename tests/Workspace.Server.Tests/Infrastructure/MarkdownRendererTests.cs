using AngleSharp.Html.Parser;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Tests.Infrastructure;

public sealed class MarkdownRendererTests
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
