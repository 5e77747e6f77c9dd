using System.Collections.Concurrent;
using System.Diagnostics;

namespace Workspace.Benchmarks.Load;

/// <summary>The typing clients of one side-by-side run, whichever generator built them.</summary>
public interface ILoadClients : IAsyncDisposable
{
    /// <summary>"lite" (revision and length only) or "full" (the complete OT clients).</summary>
    string Generator { get; }

    int Count { get; }

    /// <summary>While true, acknowledgements, deliveries and latencies are counted.</summary>
    bool Measuring { get; set; }

    long Acks { get; }

    long Deliveries { get; }

    /// <summary>Fan-out latencies (ms): one client's insert to another client of its document applying it.</summary>
    double[] Latencies { get; }

    /// <summary>Server messages received while measuring (every kind), or -1 where the generator does not count them.
    /// </summary>
    long MessagesIn { get; }

    /// <summary>How late each insert was typed (ms), where the generator knows it.</summary>
    double[] TypingLate { get; }

    /// <summary>Every client inserts one character every <paramref name="intervalMs"/> until <paramref name="stop"/>;
    /// <paramref name="typed"/> is called for each insert while measuring.</summary>
    Task TypeAsync(int intervalMs, Action typed, CancellationToken stop);

    Task<bool> ConvergedAsync();
}

/// <summary>
/// The full clients: <c>Workspace.Client.CoEditingSession</c> over the .NET SignalR client for this product, and
/// <see cref="ShareDbSession"/> for ShareDB — each keeps the whole text and transforms every remote op, and each has
/// its own timer. Heavier than <see cref="Lite.LiteRun"/>; kept to check that both measure the same thing.
/// </summary>
public sealed class FullClients(List<(int Doc, Writer Writer)> writers, FullClients.Probe probe) : ILoadClients
{
    public sealed class Probe : IProbe
    {
        private readonly ConcurrentDictionary<(string, long), long> _sentAt = new();
        private readonly ConcurrentQueue<double> _latencies = new();
        private long _acks;
        private long _deliveries;

        public volatile bool Measuring;

        public long Acks => Interlocked.Read(ref _acks);

        public long Deliveries => Interlocked.Read(ref _deliveries);

        public double[] Latencies => [.. _latencies];

        public void Sent(string src, long seq) => _sentAt[(src, seq)] = Stopwatch.GetTimestamp();

        public void Acked()
        {
            if (Measuring)
            {
                Interlocked.Increment(ref _acks);
            }
        }

        public void Applied(string src, long seq)
        {
            if (Measuring && _sentAt.TryGetValue((src, seq), out var start))
            {
                _latencies.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref _deliveries);
            }
        }
    }

    public string Generator => "full";

    public int Count => writers.Count;

    public bool Measuring
    {
        get => probe.Measuring;
        set => probe.Measuring = value;
    }

    public long Acks => probe.Acks;

    public long Deliveries => probe.Deliveries;

    public double[] Latencies => probe.Latencies;

    public double[] TypingLate => [];

    public long MessagesIn => -1;

    public Task TypeAsync(int intervalMs, Action typed, CancellationToken stop) =>
        Task.WhenAll(writers.Select((w, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            await Task.Delay(random.Next(intervalMs));
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(intervalMs));
            try
            {
                do
                {
                    w.Writer.Insert(random.Next(w.Writer.Length() + 1), ((char)('a' + random.Next(26))).ToString());
                    if (probe.Measuring)
                    {
                        typed();
                    }
                }
                while (await timer.WaitForNextTickAsync(stop));
            }
            catch (OperationCanceledException)
            {
                // Time is up.
            }
        })));

    /// <summary>Every client has no edit left unacknowledged and reads the same text as the others of its document.
    /// </summary>
    public async Task<bool> ConvergedAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (writers.All(w => w.Writer.Synced())
                && writers.GroupBy(w => w.Doc).All(g => g.Select(w => w.Writer.Text()).Distinct().Count() == 1))
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, w) in writers)
        {
            await w.Close();
        }
    }
}
