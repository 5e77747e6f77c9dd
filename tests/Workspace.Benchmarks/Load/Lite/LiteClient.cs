using System.Diagnostics;
using System.Net.WebSockets;
using Workspace.Collaboration.Ot;

namespace Workspace.Benchmarks.Load.Lite;

/// <summary>
/// A typing client that knows only its document's revision and length, not its text: it inserts at a random position
/// of the text at its last known revision and lets the server transform the insert (which both servers do for an op
/// based on an older revision). Like the full client it keeps at most one op in flight and gathers the characters typed
/// meanwhile into the next op; server messages are applied in revision order (early ones wait in a small buffer). It
/// does no OT and builds no document, so one core can drive hundreds of thousands of deliveries per second.
/// </summary>
public abstract class LiteClient(int index, int doc, LiteRun run) : IAsyncDisposable
{
    private const int SentSlots = 4096;
    private readonly long[] _sentAt = new long[SentSlots];
    private readonly long[] _sentSeq = new long[SentSlots];
    private readonly SortedDictionary<long, (int Delta, bool Mine, LiteClient? From, long Seq)> _early = [];
    private readonly Random _random = new(index);
    private readonly char[] _typed = new char[4096];
    private int _typedCount;
    private int _inflightChars;
    private bool _inflight;
    private bool _opened;
    private long _seq;
    private Task _lastSend = Task.CompletedTask;

    protected ClientWebSocket Socket { get; } = new();

    protected Lock Gate { get; } = new();

    public int Index => index;

    public int Doc => doc;

    /// <summary>The name the server gives this client's ops (its client id or ShareDB src).</summary>
    public string Src { get; protected set; } = "";

    public long Revision { get; private set; }

    public int Length { get; private set; }

    public long Acks;

    public long Deliveries;

    /// <summary>Server messages (records) this client received while the run was measuring.</summary>
    public long MessagesIn;

    /// <summary>Counts one received message (called by the receive loop only).</summary>
    protected void Counted()
    {
        if (run.Measuring)
        {
            MessagesIn++;
        }
    }

    /// <summary>Fan-out latencies measured by this client as a receiver (only its receive loop adds).</summary>
    public List<double> Latencies { get; } = new(1 << 16);

    public bool Synced
    {
        get { lock (Gate) { return !_inflight && _typedCount == 0 && _early.Count == 0; } }
    }

    /// <summary>One keystroke: sent now, or gathered into the next op while one is in flight.</summary>
    public void Type()
    {
        lock (Gate)
        {
            if (_typedCount < _typed.Length)
            {
                _typed[_typedCount++] = (char)('a' + _random.Next(26));
            }
            SendLocked();
        }
    }

    /// <summary>Applies what the server says about revision <paramref name="revision"/> (its op's length change).
    /// </summary>
    protected void Received(long revision, int delta, bool mine, LiteClient? from, long seq)
    {
        lock (Gate)
        {
            if (_opened && revision <= Revision)
            {
                return;
            }
            if (_opened && revision == Revision + 1 && _early.Count == 0)
            {
                // The usual case, in order: applied without a node in the buffer (no allocation per message, so the
                // generator's collections stay rare and short).
                if (ApplyLocked(revision, (delta, mine, from, seq)))
                {
                    SendLocked();
                }
                return;
            }
            _early[revision] = (delta, mine, from, seq);
            DrainLocked();
        }
    }

    /// <summary>The server applied this client's op in flight as <paramref name="revision"/>.</summary>
    protected void Acknowledged(long revision)
    {
        lock (Gate)
        {
            Received(revision, _inflightChars, true, null, 0);
        }
    }

    /// <summary>The server refused the op in flight (it is dropped; the run reports the count).</summary>
    protected void Refused(string error)
    {
        lock (Gate)
        {
            _inflight = false;
            Interlocked.Increment(ref run.Refusals);
            run.LastRefusal = error;
            SendLocked();
        }
    }

    /// <summary>Later ops are numbered after <paramref name="seq"/> (used by a message sent outside the typing).
    /// </summary>
    protected void UseSequenceNumber(long seq)
    {
        lock (Gate)
        {
            _seq = Math.Max(_seq, seq);
        }
    }

    /// <summary>The sequence number of the op in flight, or 0.</summary>
    protected long InflightSeq
    {
        get { lock (Gate) { return _inflight ? _seq : 0; } }
    }

    /// <summary>The document as the server gave it on open/subscribe; anything received before it waits.</summary>
    protected void Opened(long revision, int length)
    {
        lock (Gate)
        {
            (Revision, Length, _opened) = (revision, length, true);
            while (_early.Count > 0 && _early.Keys.First() <= Revision)
            {
                _early.Remove(_early.Keys.First());
            }
            DrainLocked();
        }
    }

    private void DrainLocked()
    {
        if (!_opened)
        {
            return;
        }
        var acked = false;
        while (_early.Count > 0)
        {
            var (revision, entry) = _early.First();
            if (revision != Revision + 1)
            {
                break;
            }
            _early.Remove(revision);
            acked |= ApplyLocked(revision, entry);
        }
        if (acked)
        {
            SendLocked();
        }
    }

    /// <summary>Applies the next revision; true when it was this client's op (acknowledged).</summary>
    private bool ApplyLocked(long revision, (int Delta, bool Mine, LiteClient? From, long Seq) entry)
    {
        (Revision, Length) = (revision, Length + entry.Delta);
        if (entry.Mine)
        {
            _inflight = false;
            if (run.Measuring)
            {
                Interlocked.Increment(ref Acks);
            }
            return true;
        }
        if (entry.From is { } from && run.Measuring && from.SentAt(entry.Seq) is { } start)
        {
            Latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Deliveries++;
        }
        return false;
    }

    private long? SentAt(long seq)
    {
        var slot = (int)(seq % SentSlots);
        var at = Volatile.Read(ref _sentAt[slot]);
        return Volatile.Read(ref _sentSeq[slot]) == seq ? at : null;
    }

    private void SendLocked()
    {
        if (_inflight || _typedCount == 0 || !_opened)
        {
            return;
        }
        var text = new string(_typed, 0, _typedCount);
        (_inflightChars, _typedCount) = (_typedCount, 0);
        _inflight = true;
        var seq = ++_seq;
        var op = TextOperation.Insert(_random.Next(Length + 1), text).ToJson();
        var message = Submit(seq, Revision, op);
        var slot = (int)(seq % SentSlots);
        Volatile.Write(ref _sentAt[slot], Stopwatch.GetTimestamp());
        Volatile.Write(ref _sentSeq[slot], seq);
        // One send at a time per socket: the op before has been acknowledged, so its send has finished (or is about
        // to).
        _lastSend = _lastSend.IsCompleted ? SendAsync(message)
            : _lastSend.ContinueWith(_ => SendAsync(message), TaskScheduler.Default).Unwrap();
    }

    /// <summary>Tells the server the client is alive (for servers that close silent connections).</summary>
    public virtual Task PingAsync() => Task.CompletedTask;

    /// <summary>The wire message submitting <paramref name="op"/> (JSON) as op number <paramref name="seq"/>.</summary>
    protected abstract byte[] Submit(long seq, long baseRevision, string op);

    protected async Task SendAsync(byte[] message)
    {
        try
        {
            await Socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            Console.Error.WriteLine($"client {index}: send failed: {e.Message}");
        }
    }

    /// <summary>Reads whole WebSocket messages and hands each to <see cref="Handle"/> until the socket closes.
    /// </summary>
    protected async Task ReceiveLoopAsync()
    {
        var buffer = new byte[4096];
        var used = 0;
        while (Socket.State == WebSocketState.Open)
        {
            if (used == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            ValueWebSocketReceiveResult result;
            try
            {
                result = await Socket.ReceiveAsync(buffer.AsMemory(used), CancellationToken.None);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            used += result.Count;
            if (result.EndOfMessage)
            {
                used = Handle(buffer.AsSpan(0, used));
            }
        }
    }

    /// <summary>Handles what <paramref name="received"/> holds; returns how many bytes of it are kept for later
    /// (moved to its start): an incomplete record.</summary>
    protected abstract int Handle(Span<byte> received);

    /// <summary>The client whose ops carry this src (the run's lookup).</summary>
    protected LiteClient? Sender(ReadOnlySpan<byte> message, in WireMessage m) =>
        m.SrcLength == 0 ? null : run.Find(message.Slice(m.SrcStart, m.SrcLength));

    public virtual async ValueTask DisposeAsync()
    {
        try
        {
            await _lastSend;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
        Socket.Dispose();
        GC.SuppressFinalize(this);
    }
}
