using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// The latest operations of one document, kept in memory for the clients that are behind (transform, resend, catch-up
/// on open), in a compact form: the components of every op are encoded into one <c>char</c> buffer, the sequence
/// numbers into one <c>long</c> array, and the ids and names are references to one shared instance per distinct
/// string. An op taken out is decoded again (a short-lived object).
/// </summary>
/// <remarks>
/// Why not the <see cref="AppliedOperation"/> objects themselves: each kept op lives for its 1,000 successors (~20 s at
/// 50 ops a second), long enough to be copied by two garbage collections on its way to the oldest generation, and
/// as 5–6 objects (the record, the op, its component array and wrapper, its inserted text, the author's name) every
/// op added since the last collection was found through the card table and copied on every young collection
/// (0.5–2 MB per gen0 GC at 50 documents x 5 typists, RESULTS-load.md). Here an op adds no object that survives: the
/// buffers only grow to the document's steady size once, and the strings are ones the document already holds.
/// </remarks>
internal sealed class KeptOperations
{
    private const char Retain = 'r';
    private const char Insert = 'i';
    private const char Delete = 'd';
    private const char DeleteText = 'D';

    /// <summary>A new string past this many distinct ids and names starts the shared set over (it stays bounded).</summary>
    private const int MaxShared = 4_096;

    private char[] _chars = new char[256];
    private int _used;
    private int[] _starts = new int[16];
    private long[] _seqs = new long[16];
    private string[] _clientIds = new string[16];
    private string[] _authorIds = new string[16];
    private string[] _authorNames = new string[16];
    private readonly HashSet<string> _shared = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Keeps <paramref name="op"/> as the newest.</summary>
    public void Add(TextOperation op, string clientId, long clientSeq, string authorId, string authorName)
    {
        if (Count == _starts.Length)
        {
            Grow(Count * 2);
        }
        _starts[Count] = _used;
        _seqs[Count] = clientSeq;
        _clientIds[Count] = Shared(clientId);
        _authorIds[Count] = Shared(authorId);
        _authorNames[Count] = Shared(authorName);
        Count++;
        PutInt(op.Components.Count);
        foreach (var c in op.Components)
        {
            Encode(c);
        }
    }

    /// <summary>The op at <paramref name="index"/> (0 = the oldest kept).</summary>
    public TextOperation OpAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        var at = _starts[index];
        var count = (_chars[at] << 16) | _chars[at + 1];
        at += 2;
        var components = new OpComponent[count];
        for (var i = 0; i < count; i++)
        {
            components[i] = Decode(ref at);
        }
        return TextOperation.Create(components);
    }

    /// <summary>The op at <paramref name="index"/> as clients receive it, at <paramref name="revision"/>.</summary>
    public AppliedOperation At(int index, Guid documentId, long revision) => new(documentId, revision, OpAt(index),
        _clientIds[index], _seqs[index], _authorIds[index], _authorNames[index]);

    /// <summary>The ops from <paramref name="index"/> to the newest, decoded one at a time.</summary>
    public IEnumerable<TextOperation> OpsFrom(int index)
    {
        for (var i = Math.Max(0, index); i < Count; i++)
        {
            yield return OpAt(i);
        }
    }

    /// <summary>The index of the newest op with this client, author and sequence number, or -1.</summary>
    public int FindLast(string clientId, string authorId, long clientSeq)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (_seqs[i] == clientSeq && _clientIds[i] == clientId && _authorIds[i] == authorId)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Drops the <paramref name="count"/> oldest ops.</summary>
    public void RemoveOldest(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)count, (uint)Count, nameof(count));
        if (count == 0)
        {
            return;
        }
        var left = Count - count;
        var from = count == Count ? _used : _starts[count];
        Array.Copy(_chars, from, _chars, 0, _used - from);
        _used -= from;
        for (var i = 0; i < left; i++)
        {
            _starts[i] = _starts[i + count] - from;
        }
        Array.Copy(_seqs, count, _seqs, 0, left);
        Array.Copy(_clientIds, count, _clientIds, 0, left);
        Array.Copy(_authorIds, count, _authorIds, 0, left);
        Array.Copy(_authorNames, count, _authorNames, 0, left);
        // No reference to a dropped op's strings is left behind the kept ones.
        Array.Clear(_clientIds, left, count);
        Array.Clear(_authorIds, left, count);
        Array.Clear(_authorNames, left, count);
        Count = left;
    }

    private string Shared(string value)
    {
        if (_shared.TryGetValue(value, out var shared))
        {
            return shared;
        }
        if (_shared.Count >= MaxShared)
        {
            _shared.Clear();
        }
        _shared.Add(value);
        return value;
    }

    private void Encode(OpComponent c)
    {
        switch (c.Kind)
        {
            case OpComponentKind.Retain:
                Put(Retain);
                PutInt(c.Count);
                break;
            case OpComponentKind.Delete when c.Text is null:
                Put(Delete);
                PutInt(c.Count);
                break;
            default:
                Put(c.Kind == OpComponentKind.Insert ? Insert : DeleteText);
                PutInt(c.Text!.Length);
                Reserve(c.Text.Length);
                c.Text.CopyTo(_chars.AsSpan(_used));
                _used += c.Text.Length;
                break;
        }
    }

    private OpComponent Decode(ref int at)
    {
        var kind = _chars[at++];
        var n = (_chars[at] << 16) | _chars[at + 1];
        at += 2;
        if (kind is Retain or Delete)
        {
            return kind == Retain ? OpComponent.Retain(n) : OpComponent.Delete(n);
        }
        var text = new string(_chars, at, n);
        at += n;
        return kind == Insert ? OpComponent.Insert(text) : OpComponent.Delete(text);
    }

    private void PutInt(int value)
    {
        Put((char)(value >>> 16));
        Put((char)(value & 0xFFFF));
    }

    private void Put(char c)
    {
        Reserve(1);
        _chars[_used++] = c;
    }

    private void Reserve(int more)
    {
        if (_used + more > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + more));
        }
    }

    private void Grow(int capacity)
    {
        Array.Resize(ref _starts, capacity);
        Array.Resize(ref _seqs, capacity);
        Array.Resize(ref _clientIds, capacity);
        Array.Resize(ref _authorIds, capacity);
        Array.Resize(ref _authorNames, capacity);
    }
}
