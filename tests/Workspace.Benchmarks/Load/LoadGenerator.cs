using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using static Workspace.Benchmarks.BenchmarkServer;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// Co-editing load against a real server process: D documents × C clients, each inserting one character
/// every T ms for S seconds. Reports fan-out latency (an op's submit → every other client of the document
/// receiving it), throughput, server CPU and peak memory, and checks that every client converged.
/// Usage: load [--docs 50] [--clients 5] [--interval 100] [--seconds 20] [--warmup 5] [--server-dll path]
///   [--url http://host:port]
/// </summary>
public static class LoadGenerator
{
    internal sealed record Options(
        int Docs, int Clients, int IntervalMs, int Seconds, int WarmupSeconds, string? ServerDll, string? Url,
        int SnapshotInterval, string? DataRoot, string[] Extra, int? Core = null, string? StatsFile = null,
        string[]? ServerEnvironment = null);

    public static async Task<int> RunAsync(string[] args)
    {
        var o = Parse(args);
        Console.WriteLine($"Load: {o.Docs} documents × {o.Clients} clients, one char every {o.IntervalMs} ms "
            + $"for {o.Seconds} s after {o.WarmupSeconds} s of warm-up");
        using var server = o.Url is null ? StartServer(o) : null;
        var baseUrl = o.Url ?? server!.Url;
        await WaitHealthyAsync(baseUrl);

        var (http, cookies, pid, docs) = await SeedAsync(baseUrl, o.Docs);
        using var disposeHttp = http;

        var sentAt = new ConcurrentDictionary<(string ClientId, long Seq), long>();
        var latencies = new ConcurrentBag<double>();
        var measuring = false;
        var clients = new List<(Guid Doc, HubConnection Connection, CoEditingSession Session)>();
        foreach (var doc in docs)
        {
            for (var c = 0; c < o.Clients; c++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(baseUrl + DocumentHubNames.Path, h => h.Cookies = cookies).Build();
                connection.ServerTimeout = TimeSpan.FromSeconds(60);
                await connection.StartAsync();
                var session = new CoEditingSession(connection, doc);
                session.Sending += seq => sentAt[(session.ClientId, seq)] = Stopwatch.GetTimestamp();
                connection.On<AppliedOperation>(DocumentHubNames.OperationApplied, op =>
                {
                    if (Volatile.Read(ref measuring) && sentAt.TryGetValue((op.ClientId, op.ClientSeq), out var start))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                });
                await session.OpenAsync();
                clients.Add((doc, connection, session));
            }
        }
        Console.WriteLine($"{clients.Count} connections open.");

        // Typing starts at once; measuring starts after the warm-up (JIT tiering, connection buffers, GC budgets),
        // so the numbers describe a running server rather than its first seconds.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.WarmupSeconds + o.Seconds));
        var acked = 0L;
        foreach (var c in clients)
        {
            c.Session.Acknowledged += _ => Interlocked.Increment(ref acked);
        }
        var cpuBefore = TimeSpan.Zero;
        var selfCpuBefore = TimeSpan.Zero;
        var ackedBefore = 0L;
        var wall = new Stopwatch();
        var startMeasuring = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(o.WarmupSeconds));
            cpuBefore = server?.CpuTime ?? TimeSpan.Zero;
            selfCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            ackedBefore = Interlocked.Read(ref acked);
            wall.Start();
            Volatile.Write(ref measuring, true);
        });
        var typing = clients.Select((c, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            await Task.Delay(random.Next(o.IntervalMs));
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(o.IntervalMs));
            try
            {
                do
                {
                    c.Session.Insert(random.Next(c.Session.Length + 1), ((char)('a' + random.Next(26))).ToString());
                }
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException)
            {
                // Time is up.
            }
        })).ToList();
        var peakRss = 0L;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (Volatile.Read(ref measuring))
                {
                    peakRss = Math.Max(peakRss, server?.Rss ?? 0);
                }
                await Task.Delay(200);
            }
        });
        await Task.WhenAll(typing);
        await sampler;
        await startMeasuring;
        var elapsed = wall.Elapsed;
        var cpu = (server?.CpuTime ?? TimeSpan.Zero) - cpuBefore;
        var selfCpu = Process.GetCurrentProcess().TotalProcessorTime - selfCpuBefore;
        var ackedDuringRun = Interlocked.Read(ref acked) - ackedBefore;
        Volatile.Write(ref measuring, false);

        using var settle = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.WhenAll(clients.Select(c => c.Session.WaitSyncedAsync(settle.Token)));
        var diverged = 0;
        foreach (var doc in docs)
        {
            var serverText =
                (await http.GetFromJsonAsync<ContentDto>($"/api/partnerships/{pid}/documents/{doc}"))!.Text;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (clients.Where(c => c.Doc == doc).Any(c => c.Session.Text != serverText)
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            diverged += clients.Count(c => c.Doc == doc && c.Session.Text != serverText);
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        string P(double q) => sorted.Length == 0 ? "-"
            : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)]
                .ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"fan-out latency ms: p50 {P(0.50)}  p95 {P(0.95)}  p99 {P(0.99)}  max {P(1.0)}  "
            + $"(samples {sorted.Length})");
        Console.WriteLine($"throughput: {ackedDuringRun / elapsed.TotalSeconds:0} ops/s acknowledged, "
            + $"{sorted.Length / elapsed.TotalSeconds:0} deliveries/s");
        Console.WriteLine($"server CPU: {cpu.TotalSeconds / elapsed.TotalSeconds * 100:0}% of one core "
            + $"({cpu.TotalSeconds:0.0} s); peak RSS {peakRss / 1024 / 1024} MB; "
            + $"load generator CPU {selfCpu.TotalSeconds / elapsed.TotalSeconds * 100:0}%");
        Console.WriteLine(diverged == 0
            ? $"convergence: OK — all {clients.Count} clients equal the server text"
            : $"convergence: FAILED — {diverged} clients differ from the server");
        await TimeHistoryAsync(http, pid, docs[0]);

        foreach (var c in clients)
        {
            await c.Connection.DisposeAsync();
        }
        return diverged == 0 ? 0 : 1;
    }

    /// <summary>One signed-in user, one partnership and <paramref name="count"/> empty documents.</summary>
    internal static async Task<(HttpClient Http, CookieContainer Cookies, Guid Partnership, List<Guid> Docs)> SeedAsync(
        string baseUrl, int count)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies })
        {
            BaseAddress = new Uri(baseUrl),
        };
        await UseAntiforgeryTokenAsync(http);
        var email = $"load.{Guid.NewGuid():N}@example.org";
        const string Password = "Quiet-harbour-lantern-47";
        (await http.PostAsJsonAsync("/api/account/signup",
            new { email, password = Password, displayName = "Load", organisation = "Load" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/account/signin", new { email, password = Password }))
            .EnsureSuccessStatusCode();
        await UseAntiforgeryTokenAsync(http);
        var pid = await PostForIdAsync(http, "/api/partnerships", new { name = "Load", organisation = "Load" });
        var docs = new List<Guid>();
        for (var d = 0; d < count; d++)
        {
            docs.Add(await PostForIdAsync(http, $"/api/partnerships/{pid}/documents", new { title = $"Doc {d}" }));
        }
        return (http, cookies, pid, docs);
    }

    /// <summary>What reading the version history of the first document (now full of the run's edits) costs.</summary>
    private static async Task TimeHistoryAsync(HttpClient http, Guid pid, Guid doc)
    {
        var revision = (await http.GetFromJsonAsync<ContentDto>($"/api/partnerships/{pid}/documents/{doc}"))!.Revision;
        var list = new List<double>();
        var read = new List<double>();
        var random = new Random(1);
        for (var i = 0; i < 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            (await http.GetAsync($"/api/partnerships/{pid}/documents/{doc}/history")).EnsureSuccessStatusCode();
            list.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            var version = random.NextInt64(1, revision + 1);
            (await http.GetAsync($"/api/partnerships/{pid}/documents/{doc}/history/{version}"))
                .EnsureSuccessStatusCode();
            read.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        static string Stats(List<double> ms) => string.Create(CultureInfo.InvariantCulture,
            $"p50 {ms.Order().ElementAt(ms.Count / 2):0.0} ms, max {ms.Max():0.0} ms");
        Console.WriteLine($"history of a document at revision {revision}: version list {Stats(list)}; "
            + $"a version's text {Stats(read)} (20 each, first included)");
    }

    private static Options Parse(string[] args)
    {
        string? Get(string name) => Option(args, name);
        int Int(string name, int fallback) => IntOption(args, name, fallback);
        return new Options(Int("--docs", 50), Int("--clients", 5), Int("--interval", 100), Int("--seconds", 20),
            Int("--warmup", 5), Get("--server-dll"), Get("--url"), Int("--snapshot", 200), Get("--data"),
            args.Where(a => a.StartsWith("--Documents:", StringComparison.Ordinal)
                || a.StartsWith("--Database:", StringComparison.Ordinal)).ToArray());
    }

    internal static ServerUnderTest StartServer(Options o)
    {
        var dll = o.ServerDll ?? FindServerDll();
        var data = Path.Combine(o.DataRoot ?? Path.Combine(Path.GetTempPath(), "workspace-load"),
            Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var url = $"http://127.0.0.1:{FreePort()}";
        // With a core, the server starts under taskset (which execs: same pid), as the compare command's servers do:
        // the runtime then sizes its thread pool and GC for the one CPU it is allowed to use.
        var info = new ProcessStartInfo(o.Core is null ? "dotnet" : "taskset")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        if (o.Core is { } core)
        {
            foreach (var a in new[] { "-c", core.ToString(CultureInfo.InvariantCulture), "dotnet" })
            {
                info.ArgumentList.Add(a);
            }
        }
        info.ArgumentList.Add(dll);
        string[] logging =
        [
            "--Logging:LogLevel:Workspace.Server.Features.Documents.OperationWriter=Information",
            $"--Documents:SnapshotInterval={o.SnapshotInterval}",
        ];
        foreach (var a in ServerSettings(url, data).Concat(logging))
        {
            info.ArgumentList.Add(a);
        }
        foreach (var extra in o.Extra)
        {
            info.ArgumentList.Add(extra);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var pair in o.ServerEnvironment ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--server-env takes NAME=VALUE, not '{pair}'.");
            }
            info.Environment[pair[..equals]] = pair[(equals + 1)..];
        }
        if (o.StatsFile is { } stats)
        {
            // The server samples its GC and thread pool into this file (ServerStats): a startup hook, no product code.
            info.Environment["DOTNET_STARTUP_HOOKS"] = typeof(ServerStats).Assembly.Location;
            info.Environment[ServerStats.FileVariable] = stats;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.Contains("fail", StringComparison.Ordinal)
                || line.Contains("Group commit", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine("server: " + line.Trim());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Console.WriteLine($"server pid {process.Id}, {dll}, data in {data}");
        return new ServerUnderTest(process, url, data);
    }

    internal sealed class ServerUnderTest(Process process, string url, string data) : IDisposable
    {
        public string Url => url;

        public int Pid => process.Id;

        /// <summary>User + system CPU of the server process, from /proc.</summary>
        public TimeSpan CpuTime
        {
            get
            {
                process.Refresh();
                return process.TotalProcessorTime;
            }
        }

        /// <summary>Resident memory now, in bytes.</summary>
        public long Rss
        {
            get
            {
                process.Refresh();
                return process.WorkingSet64;
            }
        }

        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Temp folder.
            }
        }
    }
}
