using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Workspace.Benchmarks.Load.Lite;
using Workspace.Collaboration.Documents;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// A bare SignalR JSON-protocol connection to the floor server's /hubs/documents: the handshake, OpenDocument, and a
/// blocking read of the next records (no receive loop: an idle connection reads nothing after it opened).
/// </summary>
internal sealed class FloorConnection : IDisposable
{
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _used;

    public ClientWebSocket Socket { get; } = new();

    public long Revision { get; private set; }

    /// <summary>Connects, shakes hands and opens <paramref name="doc"/> (joining its group).</summary>
    public static async Task<FloorConnection> OpenAsync(string url, Guid doc, CancellationToken ct)
    {
        var c = new FloorConnection();
        c.Socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await c.Socket.ConnectAsync(new Uri(string.Concat("ws", url.AsSpan(4), DocumentHubNames.Path)), ct);
        await c.Socket.SendAsync(Handshake, WebSocketMessageType.Text, true, ct);
        await c.ReadRecordAsync(ct); // "{}"
        await c.InvokeAsync(0, "OpenDocument", $"\"{doc}\",null", ct);
        return c;
    }

    public Task PingAsync(CancellationToken ct) => Socket.SendAsync(Ping, WebSocketMessageType.Text, true, ct);

    /// <summary>Invokes <paramref name="target"/> and waits for its completion (other records are skipped).</summary>
    public async Task InvokeAsync(long id, string target, string arguments, CancellationToken ct)
    {
        var message = Encoding.UTF8.GetBytes(
            $"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":[{arguments}]}}\u001e");
        await Socket.SendAsync(message, WebSocketMessageType.Text, true, ct);
        while (true)
        {
            var m = LiteWire.ReadSignalR(await ReadRecordAsync(ct));
            if (m.Kind == WireKind.Completion && m.InvocationId == id)
            {
                Revision = m.Error is null ? m.Revision
                    : throw new InvalidOperationException($"{target} failed: {m.Error}");
                return;
            }
        }
    }

    private async Task<byte[]> ReadRecordAsync(CancellationToken ct)
    {
        while (true)
        {
            var end = Array.IndexOf(_buffer, LiteWire.RecordSeparator, 0, _used);
            if (end >= 0)
            {
                var record = _buffer[..end];
                Array.Copy(_buffer, end + 1, _buffer, 0, _used - end - 1);
                _used -= end + 1;
                return record;
            }
            var result = await Socket.ReceiveAsync(_buffer.AsMemory(_used), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The server closed the connection.");
            }
            _used += result.Count;
        }
    }

    public void Dispose() => Socket.Dispose();
}

/// <summary>
/// The typist of <see cref="FloorCloses"/> in a process of its own (so the generator's 10,000 closes do not delay it):
/// one insert every 20 ms, one at a time, keeping the longest wait from send to acknowledgement. Commands on stdin as
/// in <see cref="ConnectionsProbe"/>: reset, join (prints ms to connect and open a document), report, stop.
/// </summary>
internal static class FloorClosesProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (url, doc) = (args[0], Guid.Parse(args[1]));
        using var typist = await FloorConnection.OpenAsync(url, doc, CancellationToken.None);
        var joined = new List<FloorConnection>();
        var (gate, maxWait, acked, stop) = (new Lock(), 0.0, 0, new CancellationTokenSource());
        var typing = Task.Run(async () =>
        {
            for (long seq = 1; !stop.IsCancellationRequested; seq++)
            {
                var sent = Stopwatch.GetTimestamp();
                await typist.InvokeAsync(seq, "Submit", $"{{\"documentId\":\"{doc}\",\"clientId\":\"typist\"," +
                    $"\"clientSeq\":{seq},\"baseRevision\":{typist.Revision},\"op\":[\"a\"]}}", CancellationToken.None);
                var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                lock (gate)
                {
                    (maxWait, acked) = (Math.Max(maxWait, ms), acked + 1);
                }
                await Task.Delay(20);
            }
        });
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } command && command != "stop")
        {
            if (command == "reset")
            {
                lock (gate)
                {
                    (maxWait, acked) = (0, 0);
                }
                Console.WriteLine("ok");
            }
            else if (command == "join")
            {
                var started = Stopwatch.GetTimestamp();
                joined.Add(await FloorConnection.OpenAsync(url, Guid.NewGuid(), CancellationToken.None));
                Console.WriteLine(Stopwatch.GetElapsedTime(started).TotalMilliseconds
                    .ToString("0.0", CultureInfo.InvariantCulture));
            }
            else if (command == "report")
            {
                lock (gate)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{maxWait:0.0} {acked}"));
                }
            }
        }
        await stop.CancelAsync();
        await typing;
        joined.ForEach(c => c.Dispose());
        return 0;
    }
}
