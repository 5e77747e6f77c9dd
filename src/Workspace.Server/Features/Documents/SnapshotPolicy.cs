using System.Buffers;
using System.IO.Compression;
using System.Text;
using Workspace.Collaboration.Ot;

namespace Workspace.Server.Features.Documents;

/// <summary>How a snapshot's text is stored; every format ever written stays readable.</summary>
public static class SnapshotCodec
{
    /// <summary>The text as is, in <see cref="DocumentSnapshot.Text"/> (rows written before compression).</summary>
    public const int Plain = 0;

    /// <summary>UTF-8, Brotli-compressed, in <see cref="DocumentSnapshot.Data"/>.</summary>
    public const int Brotli = 1;

    /// <summary>
    /// Brotli quality 5: prose shrinks about fourfold, and a 1 MB text compresses in a few milliseconds, off the grain.
    /// The top qualities gain a few per cent more for ten times the CPU.
    /// </summary>
    private const int Quality = 5;

    private const int Window = 22;

    public static DocumentSnapshot Encode(Guid documentId, long revision, string text, DateTimeOffset at,
        string? clients = null)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        if (!BrotliEncoder.TryCompress(utf8, buffer, out var written, Quality, Window))
        {
            throw new InvalidOperationException("The snapshot could not be compressed.");
        }
        return new DocumentSnapshot
        {
            DocumentId = documentId, Revision = revision, Format = Brotli, Data = buffer[..written], At = at,
            Clients = clients,
        };
    }

    public static string TextOf(DocumentSnapshot snapshot) => snapshot.Format switch
    {
        Plain => snapshot.Text,
        Brotli => Decompress(snapshot.Data ?? []),
        _ => throw new InvalidOperationException(
            $"Snapshot {snapshot.Revision} of document {snapshot.DocumentId} has unknown format {snapshot.Format}."),
    };

    /// <summary>
    /// Decodes into one pooled buffer, grown as needed, then into the string at once: through a stream and a reader
    /// the text of a large snapshot was copied in small pieces several times over, on every version read.
    /// </summary>
    private static string Decompress(byte[] data)
    {
        using var decoder = new BrotliDecoder();
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64 * 1024, data.Length * 8));
        try
        {
            var (read, written) = (0, 0);
            while (true)
            {
                var status = decoder.Decompress(data.AsSpan(read), buffer.AsSpan(written), out var used, out var made);
                read += used;
                written += made;
                switch (status)
                {
                    case OperationStatus.Done:
                        return Encoding.UTF8.GetString(buffer, 0, written);
                    case OperationStatus.DestinationTooSmall:
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, written).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                        break;
                    default:
                        throw new InvalidDataException("A snapshot's compressed text is cut short or damaged.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>
/// When a document takes a snapshot and which old ones it lets go, so storage grows with the text rather than with the
/// text times the keystrokes. A snapshot is taken once the edits since the last one add up to a share of the text
/// (see <see cref="Due"/>); old snapshots are thinned to a geometric spread (see <see cref="Thin"/>). Operations are
/// never deleted, so any revision can still be rebuilt: from the nearest older snapshot, or from the empty text.
/// One per grain; not thread-safe.
/// </summary>
public sealed class SnapshotPolicy(DocumentOptions options)
{
    /// <summary>
    /// Each operation also counts as this many code points: reading and replaying a row costs about as much as copying
    /// a few dozen characters, so a run of keystrokes still ends in a snapshot and replays stay short.
    /// </summary>
    public const int OperationWeight = 32;

    /// <summary>
    /// A snapshot is due once the change reaches 1/16 of the text: its stored size is then a small fraction of what
    /// the operations since the last one cost to replay, and a 1 MB text takes one about every 2,000 keystrokes.
    /// </summary>
    public const int LengthShare = 16;

    /// <summary>The newest snapshots are all kept: activation and recent versions read from them.</summary>
    public const int NewestKept = 4;

    private readonly List<long> _revisions = [];
    private long _change;
    private long _last;

    /// <summary>Snapshot revisions stored (ascending), as the policy knows them.</summary>
    public IReadOnlyList<long> Revisions => _revisions;

    /// <summary>Starts from the snapshots stored (any order).</summary>
    public void Load(IEnumerable<long> revisions)
    {
        _revisions.Clear();
        _revisions.AddRange(revisions.Order());
        _last = _revisions.Count > 0 ? _revisions[^1] : 0;
        _change = 0;
    }

    /// <summary>Counts an operation applied at <paramref name="revision"/> (after the last snapshot).</summary>
    public void Count(TextOperation op, long revision)
    {
        if (revision <= _last)
        {
            return;
        }
        long changed = OperationWeight;
        foreach (var c in op.Components)
        {
            if (!c.IsRetain)
            {
                changed += c.Count;
            }
        }
        _change += changed;
    }

    /// <summary>
    /// Whether the text at <paramref name="revision"/> (<paramref name="length"/> code points) should be snapshotted:
    /// the change since the last snapshot reached max(<see cref="DocumentOptions.SnapshotChange"/>, length / 16), or
    /// <see cref="DocumentOptions.SnapshotInterval"/> revisions passed.
    /// </summary>
    public bool Due(long revision, int length) =>
        _change >= Math.Max(options.SnapshotChange, length / LengthShare)
        || revision - _last >= options.SnapshotInterval;

    /// <summary>Records a snapshot taken at <paramref name="revision"/>; returns the older ones to delete.</summary>
    public IReadOnlyList<long> Taken(long revision)
    {
        _revisions.Add(revision);
        _last = revision;
        _change = 0;
        var dropped = Thin(_revisions, revision, options.SnapshotKeepGap);
        _revisions.RemoveAll(dropped.Contains);
        return dropped;
    }

    /// <summary>
    /// Which of <paramref name="revisions"/> (ascending) can go when the document is at <paramref name="head"/>. The
    /// newest <see cref="NewestKept"/> stay; going back from them, a snapshot stays only if, without it, the next older
    /// one (or revision 0, the empty text) would lie further below the last kept one than half its age (how far that
    /// one lies below the head) or further than <paramref name="maxGap"/>. So gaps grow by at most half going back, up
    /// to <paramref name="maxGap"/> (or the distance at which the snapshots were taken, if wider): a version replays at
    /// most about half as many operations as it is old and at most about <paramref name="maxGap"/>, and a later pass
    /// never needs one an earlier pass removed (the allowed gap only grows with the head). Without a cap about
    /// log1.5(revisions) snapshots remain; with it, about one per <paramref name="maxGap"/> revisions.
    /// </summary>
    public static IReadOnlyList<long> Thin(IReadOnlyList<long> revisions, long head, long maxGap)
    {
        var dropped = new List<long>();
        var older = revisions.Count - NewestKept;
        if (older <= 0)
        {
            return dropped;
        }
        var lastKept = revisions[older];
        for (var i = older - 1; i >= 0; i--)
        {
            var next = i > 0 ? revisions[i - 1] : 0;
            var gap = lastKept - next;
            if (2 * gap > head - lastKept || gap > maxGap)
            {
                lastKept = revisions[i];
            }
            else
            {
                dropped.Add(revisions[i]);
            }
        }
        return dropped;
    }
}
