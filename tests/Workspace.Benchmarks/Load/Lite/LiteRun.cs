using System.Diagnostics;
using System.Text;

namespace Workspace.Benchmarks.Load.Lite;

/// <summary>
/// All lite clients of one run: one typing thread for all of them (instead of a timer per client), the lookup from an
/// op's src to its sender's send times, and the end-of-run convergence check against the server's own state.
/// </summary>
public sealed class LiteRun : ILoadClients
{
    private readonly List<LiteClient> _clients = [];
    private readonly List<double> _typingLate = new(1 << 16);
    private readonly CancellationTokenSource _closing = new();
    private Dictionary<string, LiteClient>.AlternateLookup<ReadOnlySpan<char>>? _bySrc;
    private Func<int, Task<(long Revision, int Length)>> _serverState = _ => Task.FromResult((0L, 0));
    private volatile bool _measuring;
    private Task? _pings;

    public long Refusals;

    public string? LastRefusal;

    public string Generator => "lite";

    public int Count => _clients.Count;

    public bool Measuring
    {
        get => _measuring;
        set => _measuring = value;
    }

    public long Acks => _clients.Sum(c => Interlocked.Read(ref c.Acks));

    public long Deliveries => _clients.Sum(c => c.Deliveries);

    public double[] Latencies => [.. _clients.SelectMany(c => c.Latencies)];

    public double[] TypingLate => [.. _typingLate];

    public long MessagesIn => _clients.Sum(c => c.MessagesIn);

    /// <summary>A connected client; SignalR clients ping every 15 s from then on (as the .NET client does).</summary>
    public void Add(LiteClient client)
    {
        lock (_clients)
        {
            _clients.Add(client);
        }
        _pings ??= PingAsync();
    }

    /// <summary>Every client is connected: ops can be traced to their senders, and the server's own state of a
    /// document (revision, length) is read with <paramref name="serverState"/> at the end.</summary>
    public void Seal(Func<int, Task<(long Revision, int Length)>> serverState)
    {
        _serverState = serverState;
        var bySrc = new Dictionary<string, LiteClient>(StringComparer.Ordinal);
        foreach (var c in _clients)
        {
            bySrc.Add(c.Src, c);
        }
        _bySrc = bySrc.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public LiteClient? Find(ReadOnlySpan<byte> src)
    {
        if (_bySrc is not { } lookup || src.Length > 128)
        {
            return null;
        }
        Span<char> chars = stackalloc char[128];
        var n = Encoding.UTF8.GetChars(src, chars);
        return lookup.TryGetValue(chars[..n], out var client) ? client : null;
    }

    /// <summary>Every client types one character every <paramref name="intervalMs"/>, each at its own random phase
    /// (as the full clients' timers do), from one thread.</summary>
    public Task TypeAsync(int intervalMs, Action typed, CancellationToken stop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Type(intervalMs, typed, stop);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = "typing" };
        thread.Start();
        return done.Task;
    }

    private void Type(int intervalMs, Action typed, CancellationToken stop)
    {
        var ticksPerMs = Stopwatch.Frequency / 1000.0;
        var period = (long)(intervalMs * ticksPerMs);
        var order = _clients
            .Select((c, i) => (Client: c, Offset: (long)(new Random(i).Next(intervalMs) * ticksPerMs)))
            .OrderBy(x => x.Offset).ToArray();
        var cycle = Stopwatch.GetTimestamp();
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            var late = (Stopwatch.GetTimestamp() - (cycle + order[i].Offset)) / ticksPerMs;
            if (late < -0.5)
            {
                Thread.Sleep(Math.Max(1, (int)-late));
                continue;
            }
            if (_measuring)
            {
                _typingLate.Add(Math.Max(0, late));
                typed();
            }
            order[i].Client.Type();
            if (++i == order.Length)
            {
                i = 0;
                cycle += period;
                // Cycles missed altogether are skipped, as a PeriodicTimer skips missed ticks.
                var behind = Stopwatch.GetTimestamp() - cycle;
                cycle += behind > period ? behind / period * period : 0;
            }
        }
    }

    /// <summary>Every client has nothing unacknowledged, and every client of a document is at the server's revision
    /// and length of it (read once from the server).</summary>
    public async Task<bool> ConvergedAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (!_clients.All(c => c.Synced) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
        var converged = true;
        foreach (var doc in _clients.GroupBy(c => c.Doc))
        {
            var server = await _serverState(doc.Key);
            var wrong = doc.Where(c => !c.Synced || (c.Revision, c.Length) != server).ToList();
            if (wrong.Count > 0)
            {
                converged = false;
                Console.Error.WriteLine($"document {doc.Key}: server at revision {server.Revision}, length " +
                    $"{server.Length}; {wrong.Count} clients differ, e.g. revision {wrong[0].Revision}, length " +
                    $"{wrong[0].Length}, synced {wrong[0].Synced}");
            }
        }
        if (Interlocked.Read(ref Refusals) > 0)
        {
            Console.Error.WriteLine($"{Refusals} ops refused by the server, the last: {LastRefusal}");
        }
        return converged;
    }

    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                LiteClient[] clients;
                lock (_clients)
                {
                    clients = [.. _clients];
                }
                foreach (var c in clients)
                {
                    await c.PingAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        if (_pings is not null)
        {
            await _pings;
        }
        foreach (var chunk in _clients.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }
        _closing.Dispose();
    }
}
