using System.Diagnostics;
using System.Globalization;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// The server's garbage collections and thread-pool queue over a run, seen from inside the server process without
/// any code in the product: the benchmark starts the server with <c>DOTNET_STARTUP_HOOKS</c> naming this assembly
/// (see <c>StartupHook</c> below) and <see cref="FileVariable"/> naming a file. A background thread of the server
/// then samples every ~2 ms (time, GC counts per generation, total GC pause, queued and completed work items) and
/// writes one line per finished GC (generation, pause, promoted bytes, generation sizes after it). All times are
/// <see cref="Stopwatch.GetTimestamp"/> ticks, the monotonic clock every process of the run shares, so they can be
/// set against the typist's edits. Works with any server build (A and B alike).
/// </summary>
public static class ServerStats
{
    public const string FileVariable = "WORKSPACE_BENCH_STATS";

    /// <summary>The sampler, run inside the server process.</summary>
    public static void Run(string path)
    {
        using var writer = new StreamWriter(path, append: false) { AutoFlush = false };
        var sockets = SocketEventQueues();
        var lastGc = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        for (var i = 0; ; i++)
        {
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"S {Stopwatch.GetTimestamp()} {g0} {g1} {g2} {GC.GetTotalPauseDuration().Ticks} "
                + $"{ThreadPool.PendingWorkItemCount} {ThreadPool.CompletedWorkItemCount} {ThreadPool.ThreadCount} "
                + $"{GC.GetTotalAllocatedBytes()} {sockets()}"));
            if (g0 + g1 + g2 != lastGc)
            {
                lastGc = g0 + g1 + g2;
                WriteGc(writer);
            }
            if (i % 50 == 0)
            {
                writer.Flush();
            }
            Thread.Sleep(2);
        }
    }

    /// <summary>
    /// Socket events the runtime's socket engine has read from epoll but not yet handed on: they wait in the engine's
    /// own queue, which <see cref="ThreadPool.PendingWorkItemCount"/> does not count (one pool item drains it). Read
    /// by reflection (a diagnostic only); -1 when this runtime names its fields otherwise.
    /// </summary>
    private static Func<long> SocketEventQueues()
    {
        const System.Reflection.BindingFlags Any = System.Reflection.BindingFlags.Static
            | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
        var engine = typeof(System.Net.Sockets.Socket).Assembly.GetType("System.Net.Sockets.SocketAsyncEngine");
        var engines = engine?.GetFields(Any).FirstOrDefault(f => f.IsStatic && f.FieldType == engine.MakeArrayType());
        var queue = engine?.GetField("_eventQueue", Any);
        var count = queue?.FieldType.GetProperty("Count");
        if (engines is null || queue is null || count is null)
        {
            return () => -1;
        }
        return () => ((Array?)engines.GetValue(null) ?? Array.Empty<object>()).Cast<object>()
            .Sum(e => (long)(int)count.GetValue(queue.GetValue(e))!);
    }

    /// <summary>The last GC: G time index generation pause-ms promoted gen0 gen1 gen2 loh heap compacted
    /// concurrent.</summary>
    private static void WriteGc(StreamWriter writer)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var sizes = info.GenerationInfo;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"G {Stopwatch.GetTimestamp()} {info.Index} {info.Generation} "
            + $"{info.PauseDurations[0].TotalMilliseconds + info.PauseDurations[1].TotalMilliseconds:0.00} "
            + $"{info.PromotedBytes} {sizes[0].SizeAfterBytes} {sizes[1].SizeAfterBytes} {sizes[2].SizeAfterBytes} "
            + $"{sizes[3].SizeAfterBytes} {info.HeapSizeBytes} {info.Compacted} {info.Concurrent}"));
    }

    /// <summary>One sample line read back.</summary>
    public readonly record struct Sample(long At, int Gen0, int Gen1, int Gen2, long PauseTicks, long Pending,
        long Completed, long Allocated, long SocketEvents);

    /// <summary>One GC line read back.</summary>
    public readonly record struct Collection(long At, long Index, int Generation, double PauseMs, long Promoted,
        long Gen0, long Gen1, long Gen2, bool Concurrent);

    /// <summary>What the file says about the window [from, to] (Stopwatch ticks).</summary>
    public static string Describe(string path, long from, long to)
    {
        var (samples, collections) = Read(path);
        var inside = samples.Where(s => s.At >= from && s.At <= to).ToList();
        if (inside.Count < 2)
        {
            return "server stats: no samples in the window";
        }
        var before = samples.LastOrDefault(s => s.At < from, inside[0]);
        var last = inside[^1];
        var gcs = collections.Where(c => c.At >= from && c.At <= to + Stopwatch.Frequency / 100).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{(last.Gen0 - before.Gen0)} GCs (gen1 {last.Gen1 - before.Gen1}, gen2 {last.Gen2 - before.Gen2}) "
            + $"pausing {TimeSpan.FromTicks(last.PauseTicks - before.PauseTicks).TotalMilliseconds:0.0} ms; queue max "
            + $"{inside.Max(s => s.Pending)}, socket events waiting max {inside.Max(s => s.SocketEvents)}; "
            + $"{last.Completed - before.Completed} work items; "
            + $"{(last.Allocated - before.Allocated) >> 20} MB allocated; longest gap between samples "
            + $"{GapMs(inside):0.0} ms{string.Concat(gcs.Select(Line))}");
    }

    /// <summary>The GC heap's generation sizes after the last GC before <paramref name="at"/>.</summary>
    public static string HeapAt(string path, long at)
    {
        var last = Read(path).Collections.LastOrDefault(c => c.At < at);
        return string.Create(CultureInfo.InvariantCulture,
            $"GC heap after the last GC (index {last.Index}, gen{last.Generation}): gen0 {last.Gen0 >> 20} MB, gen1 "
            + $"{last.Gen1 >> 20} MB, gen2 {last.Gen2 >> 20} MB");
    }

    private static string Line(Collection c) => string.Create(CultureInfo.InvariantCulture,
        $"; [gen{c.Generation}{(c.Concurrent ? " bg" : "")} {c.PauseMs:0.0} ms, promoted {c.Promoted >> 20} MB, "
        + $"after: gen0 {c.Gen0 >> 20} gen1 {c.Gen1 >> 20} gen2 {c.Gen2 >> 20} MB]");

    private static double GapMs(List<Sample> samples) =>
        samples.Zip(samples.Skip(1), (a, b) => b.At - a.At).Max() * 1000.0 / Stopwatch.Frequency;

    private static (List<Sample> Samples, List<Collection> Collections) Read(string path)
    {
        var samples = new List<Sample>();
        var collections = new List<Collection>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(' ');
            if (f[0] == "S" && f.Length == 11)
            {
                samples.Add(new Sample(L(f[1]), (int)L(f[2]), (int)L(f[3]), (int)L(f[4]), L(f[5]), L(f[6]),
                    L(f[7]), L(f[9]), L(f[10])));
            }
            else if (f[0] == "G" && f.Length == 13)
            {
                collections.Add(new Collection(L(f[1]), L(f[2]), (int)L(f[3]),
                    double.Parse(f[4], CultureInfo.InvariantCulture), L(f[5]), L(f[6]), L(f[7]), L(f[8]),
                    f[12] == "True"));
            }
        }
        return (samples, collections);
    }

    private static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);
}
