using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// The decoded texts of stored snapshots, least recently used first out once they hold more than
/// <see cref="DocumentOptions.SnapshotCacheBytes"/> (UTF-16 bytes). A version read starts from the nearest snapshot
/// at or before it, so neighbouring versions share one decode (2–7 ms of Brotli for a 1 MB text) instead of each
/// paying it. One per server (a singleton: never shared between databases); thread-safe.
/// </summary>
/// <remarks>
/// Safe to keep because a snapshot row never changes: it is written once, behind the operation of its revision and
/// by the same writer, which stores nothing more of an activation after one of its writes failed, so a snapshot
/// exists only for a committed revision; committed operations are never changed or removed; thinning only deletes
/// rows. So (document, revision) names one text for good. What is served is still decided by the database: the
/// snapshot's revision is looked up there first, so one thinned away is never chosen again (and its entry is dropped
/// when the removal is queued), and entries are keyed by document, so no other document's text can be found.
/// A deleted document's entries are dropped (version reads of it are refused before this is asked).
/// </remarks>
public sealed class SnapshotTexts(IOptions<DocumentOptions> options)
{
    private readonly long _capacity = options.Value.SnapshotCacheBytes;
    private readonly Lock _lock = new();
    private readonly Dictionary<(Guid Document, long Revision), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _byUse = [];
    private long _bytes;
    private long _decoded;

    private sealed record Entry((Guid Document, long Revision) Key, string Text);

    /// <summary>Snapshots decoded for reads since the start (for tests: a hit decodes nothing).</summary>
    public long Decoded => Interlocked.Read(ref _decoded);

    /// <summary>UTF-16 bytes held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// The nearest stored snapshot of <paramref name="documentId"/> at or before <paramref name="revision"/>: its
    /// revision and text, or null when there is none (start from the empty text at revision 0).
    /// </summary>
    public async Task<(long Revision, string Text)?> NearestAsync(WorkspaceDb db, Guid documentId, long revision,
        CancellationToken ct)
    {
        // Twice at most: the snapshot found first can be thinned away before its row is read.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var nearest = await db.Set<DocumentSnapshot>().AsNoTracking()
                .Where(s => s.DocumentId == documentId && s.Revision <= revision)
                .OrderByDescending(s => s.Revision)
                .Select(s => (long?)s.Revision)
                .FirstOrDefaultAsync(ct);
            if (nearest is not { } at)
            {
                return null;
            }
            if (Find(documentId, at) is { } known)
            {
                return (at, known);
            }
            var row = await db.Set<DocumentSnapshot>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.DocumentId == documentId && s.Revision == at, ct);
            if (row is not null)
            {
                Interlocked.Increment(ref _decoded);
                var text = SnapshotCodec.TextOf(row);
                Keep(documentId, at, text);
                return (at, text);
            }
        }
        return null;
    }

    /// <summary>
    /// Keeps the text of the snapshot of <paramref name="documentId"/> at <paramref name="revision"/>.
    /// </summary>
    public void Keep(Guid documentId, long revision, string text)
    {
        var size = 2L * text.Length;
        if (_capacity == 0 || size > _capacity)
        {
            return;
        }
        lock (_lock)
        {
            var key = (documentId, revision);
            if (_entries.ContainsKey(key))
            {
                return;
            }
            _entries[key] = _byUse.AddFirst(new Entry(key, text));
            _bytes += size;
            while (_bytes > _capacity && _byUse.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    /// <summary>Drops every text of <paramref name="documentId"/> (the document was deleted).</summary>
    public void Forget(Guid documentId)
    {
        lock (_lock)
        {
            foreach (var node in _entries.Where(e => e.Key.Document == documentId).Select(e => e.Value).ToList())
            {
                Remove(node);
            }
        }
    }

    /// <summary>Drops the texts of these snapshots of <paramref name="documentId"/> (thinned away).</summary>
    public void Forget(Guid documentId, IEnumerable<long> revisions)
    {
        lock (_lock)
        {
            foreach (var revision in revisions)
            {
                if (_entries.TryGetValue((documentId, revision), out var node))
                {
                    Remove(node);
                }
            }
        }
    }

    /// <summary>Whether the text of the snapshot of <paramref name="documentId"/> at <paramref name="revision"/> is
    /// held.</summary>
    public bool Holds(Guid documentId, long revision)
    {
        lock (_lock)
        {
            return _entries.ContainsKey((documentId, revision));
        }
    }

    private string? Find(Guid documentId, long revision)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue((documentId, revision), out var node))
            {
                return null;
            }
            _byUse.Remove(node);
            _byUse.AddFirst(node);
            return node.Value.Text;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.Key);
        _byUse.Remove(node);
        _bytes -= 2L * node.Value.Text.Length;
    }
}
