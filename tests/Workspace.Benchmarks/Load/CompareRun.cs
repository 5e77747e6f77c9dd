using System.Diagnostics;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// The same co-editing workload against this product and ShareDB, one after the other, each server alone on one
/// core, and both printed in one table. Usage (the generator itself should run on the other core, see
/// run-load-compare.sh): compare [--docs 10] [--writers 5] [--interval 100] [--warmup 20] [--seconds 15]
/// [--targets product,product-nofsync,sharedb,floor-signalr,floor-orleans,floor-orleans-fsync] [--server-core 0]
/// [--max-generator-cpu 85] [--max-delay 5] [--server-dll path]
/// [--generator lite|full] [--Documents:Key=value ...]
/// </summary>
public static class CompareRun
{
    private sealed record Options(int Docs, int Writers, int IntervalMs, int Warmup, int Seconds, string[] Targets,
        int ServerCore, double MaxGeneratorCpu, double MaxDelayMs, string[] ProductArgs, string? ServerDll,
        string Generator);

    public sealed record Result(string Name, double Seconds, ProcSample Server, long PeakRss, ProcSample Generator,
        long Inserts, long Acks, long Deliveries, double[] Latencies, double[] Delays, bool Converged,
        Dictionary<string, ThreadKinds.Usage> Threads, string Clients, double[] TypingLate, long MessagesIn,
        GeneratorGc Gc, (double Delay, long Messages)[] Windows);

    /// <summary>The generator's own collections (gen 0 / 1 / 2) and the time they paused it, over the measured span.
    /// </summary>
    public readonly record struct GeneratorGc(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
    {
        public static GeneratorGc Now() =>
            new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public static GeneratorGc operator -(GeneratorGc a, GeneratorGc b) =>
            new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var o = Parse(args);
        Console.WriteLine($"Compare: {o.Docs} documents × {o.Writers} writers, one insert per writer every " +
            $"{o.IntervalMs} ms, {o.Warmup} s warm-up, {o.Seconds} s measured; {o.Generator} generator " +
            $"(inline socket completions: {Environment.GetEnvironmentVariable(LoadTarget.InlineCompletions) == "1"}" +
            "); " +
            $"servers on core {o.ServerCore}, " +
            $"generator pid {Environment.ProcessId} " +
            $"on {AffinityOfSelf()}; load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        Lite.LiteWireCheck.Run();
        var results = new List<Result>();
        foreach (var name in o.Targets)
        {
            await using LoadTarget target = name switch
            {
                "sharedb" => new ShareDbTarget(ShareDbFolder()),
                "product" => new ProductTarget(o.ProductArgs, o.ServerDll),
                // Its cheapest storage setting: commits written to the OS, not fsynced.
                "product-nofsync" => new ProductTarget([.. o.ProductArgs, "--Documents:SqliteSynchronousNormal=true"],
                    o.ServerDll, "product, no fsync"),
                // The fixed building blocks alone (Floor/): floor-signalr, floor-orleans, floor-orleans-fsync.
                _ when name.StartsWith("floor-", StringComparison.Ordinal) => new FloorTarget(name["floor-".Length..]),
                _ => throw new ArgumentException($"Unknown target {name}: product, sharedb or floor-<mode>."),
            };
            results.Add(await MeasureAsync(target, o));
        }
        CompareTable.Print(results, o.MaxGeneratorCpu, o.MaxDelayMs);
        return results.All(r => r.Converged) ? 0 : 1;
    }

    private static async Task<Result> MeasureAsync(LoadTarget target, Options o)
    {
        await target.StartAsync(o.ServerCore);
        await using var clients = o.Generator == "full"
            ? await target.ConnectFullAsync(o.Docs, o.Writers)
            : await target.ConnectLiteAsync(o.Docs, o.Writers);
        Console.WriteLine($"{target.Name}: pid {target.Pid}, {clients.Count} {clients.Generator} clients connected; " +
            "typing.");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Warmup + o.Seconds));
        long inserts = 0;
        var typing = clients.TypeAsync(o.IntervalMs, () => Interlocked.Increment(ref inserts), stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(o.Warmup));
        var threads = new ThreadKinds(target.Pid);
        var threads0 = threads.Read();
        var (server0, generator0) = (ProcSample.Of(target.Pid), ProcSample.Of(Environment.ProcessId));
        var gc0 = GeneratorGc.Now();
        var wall = Stopwatch.StartNew();
        clients.Measuring = true;
        var delays = new List<double>();
        var windows = new List<(double Delay, long Messages)>();
        var peakRss = 0L;
        while (!stop.IsCancellationRequested)
        {
            // The generator's own scheduling delay: how late a 10 ms timer continuation runs on its thread pool.
            var (started, received) = (Stopwatch.GetTimestamp(), clients.MessagesIn);
            await Task.Delay(10);
            delays.Add(Math.Max(0, Stopwatch.GetElapsedTime(started).TotalMilliseconds - 10));
            // What the generator received meanwhile: are the late windows the ones with a burst of broadcasts?
            windows.Add((delays[^1], clients.MessagesIn - received));
            if (delays.Count % 10 == 0)
            {
                // Every ~100 ms: peak memory, and the threads' counters before the thread pool retires any of them.
                peakRss = Math.Max(peakRss, ProcSample.Of(target.Pid).RssBytes);
                ThreadCounters.For(Environment.ProcessId).Read();
                threads.Read();
            }
        }
        clients.Measuring = false;
        var (server1, generator1) = (ProcSample.Of(target.Pid), ProcSample.Of(Environment.ProcessId));
        var gc = GeneratorGc.Now() - gc0;
        var byThread = ThreadKinds.Difference(threads.Read(), threads0);
        var seconds = wall.Elapsed.TotalSeconds;
        await typing;
        var converged = await clients.ConvergedAsync();
        return new Result(target.Name, seconds, server1 - server0, peakRss, generator1 - generator0,
            Interlocked.Read(ref inserts), clients.Acks, clients.Deliveries, clients.Latencies, [.. delays], converged,
            byThread, clients.Generator, clients.TypingLate, clients.MessagesIn, gc, [.. windows]);
    }

    private static string AffinityOfSelf()
    {
        var line = File.ReadLines("/proc/self/status")
            .FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        return line is null ? "?" : "cores " + line.Split(':')[1].Trim();
    }

    private static string ShareDbFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Workspace.Benchmarks", "sharedb");
            if (File.Exists(Path.Combine(candidate, "server.mjs")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/Workspace.Benchmarks/sharedb was not found above the generator.");
    }

    private static Options Parse(string[] args)
    {
        string? Get(string name) => BenchmarkServer.Option(args, name);
        int Int(string name, int fallback) => BenchmarkServer.IntOption(args, name, fallback);
        return new Options(Int("--docs", 10), Int("--writers", 5), Int("--interval", 100), Int("--warmup", 20),
            Int("--seconds", 15), (Get("--targets") ?? "product,sharedb").Split(','), Int("--server-core", 0),
            Int("--max-generator-cpu", 85), Int("--max-delay", 5),
            [.. args.Where(a => a.StartsWith("--Documents:", StringComparison.Ordinal)
                || a.StartsWith("--Database:", StringComparison.Ordinal)
                || a.StartsWith("--Logging:", StringComparison.Ordinal))],
            Get("--server-dll"), Get("--generator") ?? "lite");
    }
}
