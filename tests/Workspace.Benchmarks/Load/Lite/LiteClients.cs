using System.Net;
using System.Text;

namespace Workspace.Benchmarks.Load.Lite;

/// <summary>
/// A lite client of this product's /hubs/documents speaking SignalR's JSON hub protocol itself: the handshake, then
/// <c>OpenDocument</c> and <c>Submit</c> invocations (the same arguments the full client sends: a 32-hex client id,
/// its sequence number, the base revision, the op) and the <c>OperationApplied</c> broadcasts.
/// </summary>
public sealed class LiteHubClient(int index, int doc, LiteRun run, Guid documentId) : LiteClient(index, doc, run)
{
    private static readonly byte[] HandshakeRequest =
        Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] PingMessage = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _receive;

    public async Task ConnectAsync(Uri hub, CookieContainer cookies, CancellationToken ct)
    {
        Src = Guid.NewGuid().ToString("N");
        Socket.Options.Cookies = cookies;
        await Socket.ConnectAsync(hub, ct);
        _receive = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await SendAsync(HandshakeRequest);
        await _handshake.Task.WaitAsync(ct);
        await SendAsync(Invocation(0, "OpenDocument", $"\"{documentId}\",null"));
        await _open.Task.WaitAsync(ct);
    }

    /// <summary>SignalR closes a connection that sent nothing for 30 s; idle clients (while the others connect) ping.
    /// </summary>
    public override Task PingAsync() => SendAsync(PingMessage);

    protected override byte[] Submit(long seq, long baseRevision, string op) => Invocation(seq, "Submit",
        $"{{\"documentId\":\"{documentId}\",\"clientId\":\"{Src}\",\"clientSeq\":{seq}," +
        $"\"baseRevision\":{baseRevision},\"op\":{op}}}");

    private static byte[] Invocation(long id, string target, string arguments) => Encoding.UTF8.GetBytes(
        $"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":[{arguments}]}}\u001e");

    protected override int Handle(Span<byte> received)
    {
        var rest = received;
        int end;
        while ((end = rest.IndexOf(LiteWire.RecordSeparator)) >= 0)
        {
            HandleRecord(rest[..end]);
            rest = rest[(end + 1)..];
        }
        rest.CopyTo(received);
        return rest.Length;
    }

    private void HandleRecord(ReadOnlySpan<byte> record)
    {
        if (!_handshake.Task.IsCompleted)
        {
            // The handshake answer is "{}" or {"error": "..."}.
            var answer = Encoding.UTF8.GetString(record);
            _ = answer == "{}" ? _handshake.TrySetResult()
                : _handshake.TrySetException(new InvalidOperationException("SignalR handshake refused: " + answer));
            return;
        }
        Counted();
        var m = LiteWire.ReadSignalR(record);
        if (m.Kind == WireKind.Applied)
        {
            Received(m.Revision, m.Delta, false, Sender(record, m), m.Seq);
        }
        else if (m.Kind == WireKind.Completion && m.InvocationId == 0)
        {
            if (m.Error is not null)
            {
                _open.TrySetException(new InvalidOperationException("OpenDocument failed: " + m.Error));
                return;
            }
            Opened(m.Revision, m.Length);
            _open.TrySetResult();
        }
        else if (m.Kind == WireKind.Completion && m.InvocationId == InflightSeq)
        {
            if (m.Error is null)
            {
                Acknowledged(m.Revision);
            }
            else
            {
                Refused(m.Error);
            }
        }
        else if (m.Error is not null)
        {
            Console.Error.WriteLine($"client {Index}: the server said: {m.Error}");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_receive is not null)
        {
            await Task.WhenAny(_receive, Task.Delay(1000));
        }
    }
}

/// <summary>
/// A lite ShareDB client of one <c>text-unicode</c> document: ShareDB's JSON protocol (handshake, create, subscribe,
/// op, fetch), the same messages as <see cref="ShareDbSession"/>.
/// </summary>
public sealed class LiteShareDbClient(int index, int doc, LiteRun run, string collection, string documentId)
    : LiteClient(index, doc, run)
{
    private const long CreateSeq = 1;
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<(long Revision, int Length)>? _fetched;
    private byte[] _src = [];
    private Task? _receive;

    public async Task ConnectAsync(Uri url, bool create, CancellationToken ct)
    {
        await Socket.ConnectAsync(url, ct);
        _receive = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await SendAsync(Message("{\"a\":\"hs\",\"id\":null,\"protocol\":1,\"protocolMinor\":1}"));
        await _handshake.Task.WaitAsync(ct);
        UseSequenceNumber(CreateSeq);
        if (create)
        {
            await SendAsync(Message(Address("op") + $",\"v\":0,\"seq\":{CreateSeq}," +
                $"\"create\":{{\"type\":\"{ShareDbSession.TextType}\",\"data\":\"\"}}}}"));
            await _created.Task.WaitAsync(ct);
        }
        await SendAsync(Message(Address("s") + "}"));
        await _subscribed.Task.WaitAsync(ct);
    }

    /// <summary>The document's version and length as the server has it now (one fetch).</summary>
    public async Task<(long Revision, int Length)> FetchAsync(CancellationToken ct)
    {
        _fetched = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync(Message(Address("f") + "}"));
        return await _fetched.Task.WaitAsync(ct);
    }

    protected override byte[] Submit(long seq, long baseRevision, string op) => Message(
        Address("op") + $",\"v\":{baseRevision},\"src\":\"{Src}\",\"seq\":{seq},\"op\":{op}}}");

    private string Address(string action) => $"{{\"a\":\"{action}\",\"c\":\"{collection}\",\"d\":\"{documentId}\"";

    private static byte[] Message(string json) => Encoding.UTF8.GetBytes(json);

    protected override int Handle(Span<byte> received)
    {
        Counted();
        var m = LiteWire.ReadShareDb(received);
        switch (m.Kind)
        {
            case WireKind.Handshake:
                Src = m.Id ?? "";
                _src = Encoding.UTF8.GetBytes(Src);
                _handshake.TrySetResult();
                break;
            case WireKind.Snapshot when !_subscribed.Task.IsCompleted:
                Opened(m.Revision, m.Length);
                _subscribed.TrySetResult();
                break;
            case WireKind.Snapshot:
                _fetched?.TrySetResult((m.Revision, m.Length));
                break;
            case WireKind.Applied:
                HandleOp(received, m);
                break;
            default:
                if (m.Error is not null)
                {
                    Console.Error.WriteLine($"ShareDB refused a message: {m.Error}");
                }
                break;
        }
        return 0;
    }

    private void HandleOp(ReadOnlySpan<byte> message, in WireMessage m)
    {
        var mine = m.SrcLength > 0 && message.Slice(m.SrcStart, m.SrcLength).SequenceEqual(_src);
        if (mine && m.Seq == CreateSeq && !_created.Task.IsCompleted)
        {
            _ = m.Error is null ? _created.TrySetResult()
                : _created.TrySetException(new InvalidOperationException("ShareDB create failed: " + m.Error));
        }
        else if (mine && !m.HasOp && m.Seq == InflightSeq)
        {
            if (m.Error is null)
            {
                Acknowledged(m.Revision);
            }
            else
            {
                Refused(m.Error);
            }
        }
        else if (m.HasOp && m.Error is null)
        {
            Received(m.Revision, m.Delta, false, Sender(message, m), m.Seq);
        }
        else if (m.Error is not null)
        {
            Console.Error.WriteLine($"client {Index}: ShareDB refused an op: {m.Error}");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_receive is not null)
        {
            await Task.WhenAny(_receive, Task.Delay(1000));
        }
    }
}
