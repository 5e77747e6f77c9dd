using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// The rendered HTML of version texts, newest use kept, at most <see cref="DocumentOptions.VersionHtmlCacheBytes"/>
/// of HTML in all. Rendering is most of a version read of a large Markdown text (RESULTS-load.md, fourteenth
/// session: render 60–130 ms of a ~120 ms read, its text 10–30 ms), and a version is read again when a person steps
/// back to it or others look at it too. An entry belongs to one document and is found by the SHA-256 of the very text
/// being shown, which is read from the database on every request: so a hit is always the render of exactly that
/// text, whatever its revision, and never another document's. The caller checks who may read the document first.
/// </summary>
public sealed class VersionHtmlCache(MarkdownRenderer markdown, IOptions<DocumentOptions> options)
{
    private readonly record struct Key(Guid Document, string TextHash);

    private sealed record Entry(Key Key, string Html)
    {
        public long Bytes => (long)Html.Length * sizeof(char);
    }

    private readonly Lock _gate = new();

    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];

    // Least recently used first.
    private readonly LinkedList<Entry> _order = new();

    private long _bytes;

    /// <summary>Bytes of HTML held now (UTF-16); never above the configured bound.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The HTML of <paramref name="text"/>, a version of <paramref name="document"/>: the one rendered
    /// before when this document had this very text, otherwise rendered now (and kept if it fits).</summary>
    public string Render(Guid document, string text)
    {
        var key = new Key(document, Hash(text));
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var found))
            {
                _order.Remove(found);
                _order.AddLast(found);
                return found.Value.Html;
            }
        }
        // Outside the lock: two first reads of one version may both render it; the second keeps its own.
        var html = markdown.Render(text);
        Keep(new Entry(key, html));
        return html;
    }

    private void Keep(Entry entry)
    {
        var limit = options.Value.VersionHtmlCacheBytes;
        if (entry.Bytes > limit)
        {
            return;
        }
        lock (_gate)
        {
            if (_entries.Remove(entry.Key, out var old))
            {
                _order.Remove(old);
                _bytes -= old.Value.Bytes;
            }
            while (_bytes + entry.Bytes > limit && _order.First is { } oldest)
            {
                _order.RemoveFirst();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Bytes;
            }
            _entries[entry.Key] = _order.AddLast(entry);
            _bytes += entry.Bytes;
        }
    }

    // The whole text as UTF-16 (no encoding step that could map two texts to the same bytes).
    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan())));
}
