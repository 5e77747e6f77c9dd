using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.GenericAttributes;
using Markdig.Renderers;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// Markdown to HTML that is safe to put into a page with innerHTML: Markdig with raw HTML disabled
/// (so &lt;script&gt; in the text stays text), then an allow-list sanitiser as a second wall, so that
/// a Markdig extension or parser quirk can never smuggle in a script, an event handler or a
/// <c>javascript:</c> URL. The HTML lands in the app's own page, so it must not carry the app's ids or
/// classes either: users cannot write attributes (no GenericAttributes), every id is prefixed with
/// <see cref="IdPrefix"/> (and every in-document link with it), and only Markdig's own classes stay.
/// </summary>
public sealed class MarkdownRenderer(ILogger<MarkdownRenderer>? logger = null)
{
    public const int MaxLength = 200_000;

    private const int BlocksPerChunk = 64;

    /// <summary>Prefix of every id in rendered HTML, as GitHub does, so none can equal one of the app's ids.</summary>
    public const string IdPrefix = "user-content-";

    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup",
        "blockquote", "pre", "code", "kbd", "span", "div", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
        "input", "figure", "figcaption", "abbr", "cite",
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "src", "alt", "title", "id", "class", "align", "colspan", "rowspan",
        "start", "type", "checked", "disabled", "reversed",
    ];

    /// <summary>
    /// The classes Markdig itself writes for the extensions in use (task lists, footnotes, alerts, maths,
    /// diagrams); any other class (a custom container's <c>:::name</c>, a code block's language) is dropped,
    /// because a user-chosen class could be one of the app's (a full-screen overlay, say).
    /// </summary>
    private static readonly string[] AllowedClasses =
    [
        "contains-task-list", "task-list-item",
        "footnotes", "footnote-ref", "footnote-back-ref",
        "markdown-alert", "markdown-alert-title", "markdown-alert-note", "markdown-alert-tip",
        "markdown-alert-important", "markdown-alert-warning", "markdown-alert-caution",
        "math", "mermaid", "nomnoml",
    ];

    private readonly MarkdownPipeline _pipeline = CreatePipeline();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    private int _refusalLogged;

    public string Render(string markdown)
    {
        var text = markdown ?? "";
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        var html = new StringBuilder();
        foreach (var (chunk, wide) in ToHtml(text))
        {
            html.Append(wide is null
                ? _sanitizer.Sanitize(chunk)
                : WideBlockSanitizer.Sanitize(chunk, wide, SanitizeIn));
        }
        return html.ToString();
    }

    /// <summary>A fragment sanitised as the content of an element named <paramref name="parent"/>.</summary>
    private string SanitizeIn(string html, string parent) => _sanitizer.SanitizeFragment(html, parent);

    /// <summary>
    /// The HTML in chunks of <see cref="BlocksPerChunk"/> top-level blocks, each sanitised on its own: AngleSharp
    /// finds a node's sibling by its index in the parent, so the sanitiser's walk over n sibling blocks costs n²
    /// (40,000 headings took seconds). Each chunk is whole blocks, and the sanitiser's output is serialised from a
    /// DOM with only allowed (no raw-text) elements, every one closed, so the chunks joined are exactly as safe.
    /// A block with an element of very many children (one list of 50,000 items) is a chunk of its own, given with
    /// its tree, and is sanitised in pieces by <see cref="WideBlockSanitizer"/>.
    /// </summary>
    private List<(string Html, WideBlockSanitizer.Node? Wide)> ToHtml(string text)
    {
        try
        {
            var document = Markdown.Parse(text, _pipeline);
            HeadingIds.Assign(document);
            var chunks = new List<(string, WideBlockSanitizer.Node?)>();
            var writer = new StringWriter();
            var html = writer.GetStringBuilder();
            var renderer = new HtmlRenderer(writer);
            _pipeline.Setup(renderer);
            var blocks = 0;
            for (var i = 0; i < document.Count; i++)
            {
                var start = html.Length;
                renderer.Render(document[i]);
                writer.Flush();
                blocks++;
                if (WideBlockSanitizer.MayBeWide(CountTags(html, start))
                    && WideBlockSanitizer.Parse(html.ToString(start, html.Length - start)) is { Wide: true } wide)
                {
                    if (start > 0)
                    {
                        chunks.Add((html.ToString(0, start), null));
                    }
                    chunks.Add((html.ToString(start, html.Length - start), wide));
                    html.Clear();
                    blocks = 0;
                }
                else if (blocks == BlocksPerChunk || i == document.Count - 1)
                {
                    chunks.Add((html.ToString(), null));
                    html.Clear();
                    blocks = 0;
                }
            }
            return chunks;
        }
        catch (ArgumentException e)
        {
            // Markdig refuses text nested deeper than its limit (100,000 '>' or '[', or 60,000 "*a ");
            // such a document still gets a preview: its text as it is, escaped, nothing lost.
            if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
            {
                logger?.LogWarning(e, "Markdown refused ({Length} chars); shown as plain text", text.Length);
            }
            return [($"<pre>{WebUtility.HtmlEncode(text)}</pre>", null)];
        }
    }

    private static int CountTags(StringBuilder html, int from)
    {
        var count = 0;
        var offset = 0;
        foreach (var chunk in html.GetChunks())
        {
            var span = chunk.Span;
            if (offset + span.Length > from)
            {
                count += span[Math.Max(0, from - offset)..].Count('<');
            }
            offset += span.Length;
        }
        return count;
    }

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().UseTaskLists();
        // Heading ids are set by HeadingIds (linear); attributes written by users ({#id .class}) are not kept.
        builder.Extensions.RemoveAll(e => e is AutoIdentifierExtension or GenericAttributesExtension);
        return builder.Build();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(AllowedClasses, StringComparer.Ordinal),
            // Relative links (no scheme) stay; of the absolute ones only these schemes do.
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                PostProcess(element);
            }
        };
        return sanitizer;
    }

    private static void PostProcess(AngleSharp.Dom.IElement element)
    {
        // Task-list checkboxes are the only inputs Markdown produces; anything else is dropped.
        if (element.LocalName == "input" && element.GetAttribute("type") != "checkbox")
        {
            element.Remove();
            return;
        }
        if (element.LocalName == "input")
        {
            element.SetAttribute("disabled", "disabled");
        }
        if (element.GetAttribute("id") is { } id)
        {
            element.SetAttribute("id", IdPrefix + id);
        }
        if (element.LocalName == "a" && element.GetAttribute("href") is { } href)
        {
            // In-document links (a heading, a footnote) point at the prefixed id.
            if (href.StartsWith('#') && href.Length > 1)
            {
                element.SetAttribute("href", "#" + IdPrefix + href[1..]);
            }
            element.SetAttribute("rel", "noopener noreferrer nofollow");
        }
    }
}

public static class MarkdownExtensions
{
    public static void AddWorkspaceMarkdown(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<MarkdownRenderer>();
}
