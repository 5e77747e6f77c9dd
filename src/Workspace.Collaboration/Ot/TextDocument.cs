using System.Text;

namespace Workspace.Collaboration.Ot;

/// <summary>
/// A mutable document for the server's hot path: applying a keystroke costs O(n/B + B), not O(n).
/// </summary>
/// <remarks>
/// <para>
/// Structure: a two-level rope (an "unrolled" rope) — an ordered list of chunks of at most
/// <see cref="MaxChunk"/> UTF-16 units, each caching its code point count. Locating a code point position
/// scans the cached counts (≈300 integers for 1 MB, contiguous, so well under a microsecond), then walks
/// at most one chunk; inserts and deletes move at most one chunk's characters and touch only neighbours.
/// </para>
/// <para>
/// Why not a balanced tree rope: documents are bounded in size (a few MB at most) and at that scale the
/// flat chunk list beats a tree on constants and is far simpler to get right. Why not a gap buffer:
/// positions are code points, so a gap buffer still needs an index to map code points to UTF-16 offsets
/// once a document holds astral characters; the per-chunk counts are that index. Why not a piece table:
/// it grows with edit history and needs compaction; chunks do not.
/// </para>
/// <para>
/// <see cref="Apply"/> is atomic: it checks the op fits before changing anything, so a bad op leaves the
/// document untouched. Not thread-safe (a grain owns it and applies one op at a time).
/// </para>
/// </remarks>
public sealed class TextDocument
{
    /// <summary>Largest chunk, in UTF-16 units.</summary>
    private const int MaxChunk = 4096;

    /// <summary>Size of fresh chunks: half full so typing rarely has to split.</summary>
    private const int FillChunk = MaxChunk / 2;

    /// <summary>Chunks below this are merged into a neighbour after a delete.</summary>
    private const int MinChunk = MaxChunk / 4;

    private readonly List<Chunk> _chunks = [];

    public TextDocument(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Length = CodePoints.Count(text, "The document");
        Utf16Length = text.Length;
        _chunks.AddRange(MakeChunks(text));
    }

    /// <summary>Length in code points.</summary>
    public int Length { get; private set; }

    /// <summary>Length in UTF-16 units (what <see cref="ToString"/> returns).</summary>
    public int Utf16Length { get; private set; }

    /// <summary>
    /// Applies <paramref name="op"/> in place; throws <see cref="OtException"/> (changing nothing) if it does not fit.
    /// </summary>
    public void Apply(TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (op.BaseLength > Length)
        {
            throw TextType.TooLong(op.BaseLength, Length);
        }

        // Back to front, so each component's position in the original document is still valid when it is applied.
        var items = op.Items;
        var pos = op.BaseLength;
        for (var i = items.Length - 1; i >= 0; i--)
        {
            var c = items[i];
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    pos -= c.Count;
                    break;
                case OpComponentKind.Insert:
                    InsertAt(pos, c.Text!, c.Count);
                    break;
                default:
                    pos -= c.Count;
                    DeleteAt(pos, c.Count);
                    break;
            }
        }
    }

    /// <summary>
    /// Throws <see cref="OtException"/> unless every delete of <paramref name="op"/> that carries its text (an
    /// invertible delete, <c>{"d":"abc"}</c>) names exactly the text at its place here. Such an op says what it
    /// deletes; applying it over other text would store an op that no longer describes its own effect.
    /// </summary>
    public void CheckDeletedText(TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var pos = 0;
        foreach (var c in op.Items)
        {
            if (c.IsDelete && c.Text is not null
                && (pos + c.Count > Length || !string.Equals(Slice(pos, c.Count), c.Text, StringComparison.Ordinal)))
            {
                throw new OtException($"Invalid op: the delete at code point {pos} names text that is not there.");
            }

            pos += c.IsInsert ? 0 : c.Count;
        }
    }

    /// <summary>
    /// The text from code point <paramref name="start"/>, <paramref name="length"/> code points long.
    /// </summary>
    public string Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length - start);
        if (length == 0)
        {
            return string.Empty;
        }

        var (index, offset, _) = Locate(start);
        var sb = new StringBuilder();
        var remaining = length;
        while (remaining > 0)
        {
            var chunk = _chunks[index];
            var end = CodePoints.Advance(chunk.Buffer.AsSpan(0, chunk.Length), offset, remaining, out var taken);
            if (end < 0)
            {
                end = chunk.Length;
            }

            sb.Append(chunk.Buffer, offset, end - offset);
            remaining -= taken;
            index++;
            offset = 0;
        }

        return sb.ToString();
    }

    public override string ToString() =>
        string.Create(Utf16Length, _chunks, static (span, chunks) =>
        {
            foreach (var chunk in chunks)
            {
                chunk.Buffer.AsSpan(0, chunk.Length).CopyTo(span);
                span = span[chunk.Length..];
            }
        });

    /// <summary>
    /// Finds the chunk holding code point <paramref name="cp"/>: its index, UTF-16 offset and code point offset within
    /// it. A position on a boundary between two chunks is the end of the first. Walks the chunk counts from whichever
    /// end of the text is nearer (half the walk on average: a replay of many edits at scattered places is mostly this
    /// walk).
    /// </summary>
    private (int Index, int Offset, int CpOffset) Locate(int cp)
    {
        var index = 0;
        if (cp > Length / 2)
        {
            index = _chunks.Count - 1;
            var start = Length - _chunks[index].CodePoints;
            while (index > 0 && cp <= start)
            {
                index--;
                start -= _chunks[index].CodePoints;
            }

            cp -= start;
        }
        else
        {
            while (index < _chunks.Count - 1 && cp > _chunks[index].CodePoints)
            {
                cp -= _chunks[index].CodePoints;
                index++;
            }
        }

        var chunk = _chunks[index];
        var offset = chunk.CodePoints == chunk.Length
            ? cp
            : CodePoints.AdvanceValid(chunk.Buffer.AsSpan(0, chunk.Length), 0, cp);
        return (index, offset, cp);
    }

    private void InsertAt(int pos, string text, int count)
    {
        if (_chunks.Count == 0)
        {
            Length += count;
            Utf16Length += text.Length;
            _chunks.AddRange(MakeChunks(text));
            return;
        }

        // Located before the lengths change: Locate counts from the end too.
        var (index, offset, _) = Locate(pos);
        Length += count;
        Utf16Length += text.Length;
        var chunk = _chunks[index];
        if (chunk.Length + text.Length <= MaxChunk)
        {
            Array.Copy(chunk.Buffer, offset, chunk.Buffer, offset + text.Length, chunk.Length - offset);
            text.CopyTo(0, chunk.Buffer, offset, text.Length);
            chunk.Length += text.Length;
            chunk.CodePoints += count;
            return;
        }

        // The chunk would overflow: re-chunk it together with the new text (amortised: the pieces come out half full).
        var combined =
            string.Concat(chunk.Buffer.AsSpan(0, offset), text, chunk.Buffer.AsSpan(offset, chunk.Length - offset));
        _chunks.RemoveAt(index);
        _chunks.InsertRange(index, MakeChunks(combined));
    }

    private void DeleteAt(int pos, int count)
    {
        var (index, offset, cpOffset) = Locate(pos);
        Length -= count;
        var first = index;
        var remaining = count;
        while (remaining > 0)
        {
            var chunk = _chunks[index];
            var take = Math.Min(remaining, chunk.CodePoints - cpOffset);
            if (take == 0)
            {
                index++;
                offset = 0;
                cpOffset = 0;
                continue;
            }

            var end = chunk.CodePoints == chunk.Length
                ? offset + take
                : CodePoints.AdvanceValid(chunk.Buffer.AsSpan(0, chunk.Length), offset, take);
            Array.Copy(chunk.Buffer, end, chunk.Buffer, offset, chunk.Length - end);
            chunk.Length -= end - offset;
            chunk.CodePoints -= take;
            Utf16Length -= end - offset;
            remaining -= take;
            if (chunk.Length == 0)
            {
                _chunks.RemoveAt(index);
            }
            else
            {
                index++;
            }

            offset = 0;
            cpOffset = 0;
        }

        // Keep chunks from fragmenting under many deletes: fold a small chunk into a neighbour.
        MergeIfSmall(Math.Min(first, _chunks.Count - 1));
    }

    private void MergeIfSmall(int index)
    {
        if (index < 0)
        {
            return;
        }

        if (index + 1 < _chunks.Count && TryMerge(index))
        {
            return;
        }

        if (index > 0)
        {
            TryMerge(index - 1);
        }
    }

    /// <summary>
    /// Merges chunk <paramref name="index"/>+1 into chunk <paramref name="index"/> if either is small and both fit.
    /// </summary>
    private bool TryMerge(int index)
    {
        var left = _chunks[index];
        var right = _chunks[index + 1];
        if ((left.Length >= MinChunk && right.Length >= MinChunk) || left.Length + right.Length > MaxChunk)
        {
            return false;
        }

        Array.Copy(right.Buffer, 0, left.Buffer, left.Length, right.Length);
        left.Length += right.Length;
        left.CodePoints += right.CodePoints;
        _chunks.RemoveAt(index + 1);
        return true;
    }

    private static List<Chunk> MakeChunks(string text)
    {
        var chunks = new List<Chunk>((text.Length / FillChunk) + 1);
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(start + FillChunk, text.Length);
            if (end < text.Length && char.IsLowSurrogate(text[end]))
            {
                end--; // never split a surrogate pair across chunks
            }

            var span = text.AsSpan(start, end - start);
            var chunk = new Chunk { Length = span.Length, CodePoints = CodePoints.Count(span, "The text") };
            span.CopyTo(chunk.Buffer);
            chunks.Add(chunk);
            start = end;
        }

        return chunks;
    }

    private sealed class Chunk
    {
        public char[] Buffer { get; } = new char[MaxChunk];

        public int Length { get; set; }

        public int CodePoints { get; set; }
    }
}
