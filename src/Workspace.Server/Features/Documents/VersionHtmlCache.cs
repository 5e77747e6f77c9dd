using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// The rendered HTML of version texts, at most <see cref="DocumentOptions.VersionHtmlCacheBytes"/> of HTML in all
/// (a size-bounded <see cref="MemoryCache"/>: past the bound a new entry is not kept and the least used are dropped).
/// Rendering is most of a version read of a large Markdown text (RESULTS-load.md, fourteenth session: render 60–130 ms
/// of a ~120 ms read, its text 10–30 ms), and a version is read again when a person steps back to it or others look
/// at it too. An entry belongs to one document and is found by the SHA-256 of the very text being shown, which is read
/// from the database on every request: so a hit is always the render of exactly that text, whatever its revision, and
/// never another document's. The caller checks who may read the document first.
/// </summary>
public sealed class VersionHtmlCache(MarkdownRenderer markdown, IOptions<DocumentOptions> options) : IDisposable
{
    private readonly record struct Key(Guid Document, string TextHash);

    private readonly MemoryCache _kept = new(new MemoryCacheOptions
    {
        SizeLimit = options.Value.VersionHtmlCacheBytes,
        TrackStatistics = true,
    });

    /// <summary>Bytes of HTML held now (UTF-16); never above the configured bound.</summary>
    public long Bytes => _kept.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>The HTML of <paramref name="text"/>, a version of <paramref name="document"/>: the one rendered
    /// before when this document had this very text, otherwise rendered now (and kept if it fits).</summary>
    public string Render(Guid document, string text)
    {
        var key = new Key(document, Hash(text));
        if (_kept.TryGetValue(key, out string? html) && html is not null)
        {
            return html;
        }
        // Two first reads of one version may both render it; the second keeps its own.
        html = markdown.Render(text);
        _kept.Set(key, html, new MemoryCacheEntryOptions { Size = (long)html.Length * sizeof(char) });
        return html;
    }

    public void Dispose() => _kept.Dispose();

    // The whole text as UTF-16 (no encoding step that could map two texts to the same bytes).
    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan())));
}
