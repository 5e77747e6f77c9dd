using Ganss.Xss;
using Markdig;

namespace Workspace.Server.Features.Documents;

/// <summary>Turns document Markdown into HTML that is safe to put in a page.</summary>
public interface IDocumentPreview
{
    string Render(string markdown);
}

/// <summary>Markdig with raw HTML disabled, then HtmlSanitizer as a second fence (links, images, attributes).</summary>
public sealed class DocumentPreview : IDocumentPreview
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Render(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", _pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Add("input");
        return sanitizer;
    }
}
