using Ganss.Xss;
using Markdig;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// Markdown to HTML that is safe to put into a page with innerHTML: Markdig with raw HTML disabled
/// (so &lt;script&gt; in the text stays text), then an allow-list sanitiser as a second wall, so that
/// a Markdig extension or parser quirk can never smuggle in a script, an event handler or a
/// <c>javascript:</c> URL.
/// </summary>
public sealed class MarkdownRenderer
{
    public const int MaxLength = 200_000;

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

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAdvancedExtensions()
        .UseTaskLists()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Render(string markdown)
    {
        var text = markdown ?? "";
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        var html = Markdown.ToHtml(text, _pipeline);
        return _sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
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
                // Task-list checkboxes are the only inputs Markdown produces; anything else is dropped.
                if (element.LocalName == "input" && element.GetAttribute("type") != "checkbox")
                {
                    element.Remove();
                }
                else if (element.LocalName == "input")
                {
                    element.SetAttribute("disabled", "disabled");
                }
                else if (element.LocalName == "a" && element.HasAttribute("href"))
                {
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
                }
            }
        };
        return sanitizer;
    }
}

public static class MarkdownExtensions
{
    public static void AddWorkspaceMarkdown(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<MarkdownRenderer>();
}
