using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// GitHub-like heading ids (<c>a</c>, <c>a-1</c>, <c>a-2</c>…) in time linear in the number of headings.
/// Markdig's AutoIdentifiers restarts its uniqueness counter at 1 for every heading, so n same-named
/// headings cost n² probes (40,000 of them in 200,000 characters are minutes of CPU); here each slug
/// remembers the next suffix to try, and a suffix already taken (a heading literally named "a-1") is
/// skipped once, so the probes stay linear.
/// </summary>
public static class HeadingIds
{
    /// <summary>Sets an id on every heading of <paramref name="document"/> (the sanitiser prefixes it later).</summary>
    public static void Assign(MarkdownDocument document)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = new StringWriter();
        var plain = new HtmlRenderer(text) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var slug = Slug(heading, text, plain);
            var id = slug;
            if (!taken.Add(id))
            {
                var suffix = nextSuffix.GetValueOrDefault(slug, 1);
                do
                {
                    id = $"{slug}-{suffix++}";
                }
                while (!taken.Add(id));
                nextSuffix[slug] = suffix;
            }
            heading.GetAttributes().Id = id;
        }
    }

    private static string Slug(HeadingBlock heading, StringWriter text, HtmlRenderer plain)
    {
        text.GetStringBuilder().Clear();
        if (heading.Inline is not null)
        {
            plain.Render(heading.Inline);
        }
        plain.Writer.Flush();
        // The same slug as Markdig's default AutoIdentifiers (ASCII only), so existing links keep working.
        var slug = LinkHelper.Urilize(text.ToString(), allowOnlyAscii: true);
        return slug.Length == 0 ? "section" : slug;
    }
}
