using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Workspace.Collaboration.Ot;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// One ShareDB client of one <c>text-unicode</c> document, speaking ShareDB's JSON protocol over a WebSocket the way
/// its own browser client does: one op in flight, later edits composed into one pending op, remote ops transformed
/// through both. It uses the product's C# port of <c>ot-text-unicode</c>, so both servers are driven by the same
/// .NET generator, runtime and clock.
/// </summary>
public sealed class ShareDbSession(string collection, string documentId) : IAsyncDisposable
{
    public const string TextType = "http://sharejs.org/types/text-unicode";

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new() { SingleReader = true });
    private readonly SortedDictionary<long, (string Src, long Seq, TextOperation Op)> _early = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _handshaken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _created;
    private string _text = "";
    private long _version;
    private TextOperation? _inflight;
    private TextOperation? _pending;
    private long _inflightSeq;
    private long _seq;
    private Task? _loops;

    public string Src { get; private set; } = "";

    public int Length { get { lock (_lock) { return _text.Length; } } }

    public string Text { get { lock (_lock) { return _text; } } }

    public bool IsSynced { get { lock (_lock) { return _inflight is null && _pending is null; } } }

    /// <summary>An op leaves this client (its sequence number).</summary>
    public event Action<long>? Sending;

    /// <summary>The server acknowledged one of this client's ops.</summary>
    public event Action? Acknowledged;

    /// <summary>Another client's op (its src and seq) was applied here.</summary>
    public event Action<string, long>? RemoteApplied;

    public async Task ConnectAsync(Uri url, CancellationToken ct)
    {
        await _socket.ConnectAsync(url, ct);
        _loops = Task.WhenAll(
            Task.Run(ReceiveLoopAsync, CancellationToken.None), Task.Run(SendLoopAsync, CancellationToken.None));
        Post(w =>
        {
            w.WriteString("a", "hs");
            w.WriteNull("id");
            w.WriteNumber("protocol", 1);
            w.WriteNumber("protocolMinor", 1);
        });
        await _handshaken.Task.WaitAsync(ct);
    }

    /// <summary>Creates the (empty) document; one client per document does this before the others subscribe.</summary>
    public Task CreateAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            _created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _inflightSeq = ++_seq;
            var seq = _inflightSeq;
            Post(w =>
            {
                Address(w, "op");
                w.WriteNumber("v", 0);
                w.WriteNumber("seq", seq);
                w.WriteStartObject("create");
                w.WriteString("type", TextType);
                w.WriteString("data", "");
                w.WriteEndObject();
            });
        }
        return _created.Task.WaitAsync(ct);
    }

    public Task SubscribeAsync(CancellationToken ct)
    {
        Post(w => Address(w, "s"));
        return _subscribed.Task.WaitAsync(ct);
    }

    public void Insert(int position, string text)
    {
        lock (_lock)
        {
            var op = TextOperation.Insert(Math.Min(position, _text.Length), text);
            _text = Workspace.Collaboration.Ot.TextType.Apply(_text, op);
            _pending = _pending is null ? op : Workspace.Collaboration.Ot.TextType.Compose(_pending, op);
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_inflight is not null || _pending is null)
        {
            return;
        }
        (_inflight, _pending) = (_pending, null);
        _inflightSeq = ++_seq;
        var (seq, version, json) = (_inflightSeq, _version, _inflight.ToJson());
        Sending?.Invoke(seq);
        Post(w =>
        {
            Address(w, "op");
            w.WriteNumber("v", version);
            w.WriteString("src", Src);
            w.WriteNumber("seq", seq);
            w.WritePropertyName("op");
            w.WriteRawValue(json, skipInputValidation: true);
        });
    }

    private void Address(Utf8JsonWriter w, string action)
    {
        w.WriteString("a", action);
        w.WriteString("c", collection);
        w.WriteString("d", documentId);
    }

    private void Post(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        _outbox.Writer.TryWrite(buffer.WrittenSpan.ToArray());
    }

    private async Task SendLoopAsync()
    {
        await foreach (var message in _outbox.Reader.ReadAllAsync())
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new ArrayBufferWriter<byte>(4096);
        while (_socket.State == WebSocketState.Open)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            }
            catch (WebSocketException)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            message.Write(buffer.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                using var json = JsonDocument.Parse(message.WrittenMemory);
                try
                {
                    Handle(json.RootElement);
                }
                catch (InvalidOperationException e)
                {
                    Console.Error.WriteLine(e.Message);
                }
                message.ResetWrittenCount();
            }
        }
    }

    private void Handle(JsonElement m)
    {
        if (m.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"ShareDB refused a message: {error}");
        }
        switch (m.GetProperty("a").GetString())
        {
            case "hs":
                Src = m.GetProperty("id").GetString()!;
                _handshaken.TrySetResult();
                break;
            case "s":
                lock (_lock)
                {
                    var data = m.GetProperty("data");
                    _version = data.GetProperty("v").GetInt64();
                    _text = data.TryGetProperty("data", out var text) && text.ValueKind == JsonValueKind.String
                        ? text.GetString()!
                        : "";
                }
                _subscribed.TrySetResult();
                break;
            case "op":
                HandleOp(m);
                break;
        }
    }

    private void HandleOp(JsonElement m)
    {
        var src = m.TryGetProperty("src", out var s) ? s.GetString() ?? "" : "";
        var seq = m.TryGetProperty("seq", out var q) ? q.GetInt64() : 0;
        var v = m.GetProperty("v").GetInt64();
        if (src == Src && seq == _inflightSeq && !m.TryGetProperty("op", out _))
        {
            lock (_lock)
            {
                _version = v + 1;
                _inflight = null;
                _created?.TrySetResult();
                DrainLocked();
                FlushLocked();
            }
            Acknowledged?.Invoke();
            return;
        }
        if (!m.TryGetProperty("op", out var opJson))
        {
            return; // a create or delete by someone else: not part of this workload
        }
        var op = TextOperation.Parse(opJson.GetRawText());
        lock (_lock)
        {
            if (v >= _version)
            {
                _early[v] = (src, seq, op);
            }
            DrainLocked();
        }
    }

    /// <summary>Applies the remote ops that follow the current version, in order (duplicates are dropped).</summary>
    private void DrainLocked()
    {
        while (_early.Count > 0)
        {
            var (v, (src, seq, op)) = _early.First();
            if (v > _version)
            {
                return;
            }
            _early.Remove(v);
            if (v < _version)
            {
                continue;
            }
            foreach (var local in new[] { 0, 1 })
            {
                var mine = local == 0 ? _inflight : _pending;
                if (mine is null)
                {
                    continue;
                }
                var transformed = Workspace.Collaboration.Ot.TextType.Transform(mine, op, Side.Left);
                op = Workspace.Collaboration.Ot.TextType.Transform(op, mine, Side.Right);
                if (local == 0) { _inflight = transformed; } else { _pending = transformed; }
            }
            _text = Workspace.Collaboration.Ot.TextType.Apply(_text, op);
            _version++;
            RemoteApplied?.Invoke(src, seq);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
        if (_loops is not null)
        {
            await Task.WhenAny(_loops, Task.Delay(1000));
        }
        _socket.Dispose();
    }
}
