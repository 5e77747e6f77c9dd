using Workspace.Collaboration.Documents;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using static Workspace.Benchmarks.BenchmarkServer;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// Connections coming and going: N idle connections of K people of one partnership (each joined to the partnership's
/// live updates, so every join and leave changes "who is online" for all of them) are closed all at once while one
/// other person keeps typing in a document. Reports the typist's worst wait for an acknowledgement while the closes
/// run, how long a new person takes to join meanwhile, the server's CPU-seconds for the closes, and its memory per idle
/// connection.
/// </summary>
public static class ConnectionsBenchmark
{
    private const string Password = "Quiet-harbour-lantern-47";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = IntOption(args, "--count", 1_000);
        var people = Math.Clamp(IntOption(args, "--users", 100), 1, count);
        var extra = args.Where(a => a.StartsWith("--Documents:", StringComparison.Ordinal)
            || a.StartsWith("--Database:", StringComparison.Ordinal)).Concat([
                "--RateLimits:AuthPermitLimit=100000", "--RateLimits:InvitationPermitLimit=100000"]).ToArray();
        var pin = args.Contains("--pin") || args.Contains("--pin-late");
        // --pin starts the server on core 0 (the runtime sizes its thread pool and GC for one CPU, as in the compare
        // command); --pin-late moves an already started server there (the runtime counted every core: the way of
        // the fifth to seventh sessions' figures, kept to compare with them).
        // --server-stats: the server samples its GCs and thread-pool queue into a file (ServerStats), read back below.
        var stats = args.Contains("--server-stats") ? Path.GetTempFileName() : null;
        using var server = LoadGenerator.StartServer(new LoadGenerator.Options(
            0, 0, 0, 0, 0, Option(args, "--server-dll"), null, 200, Option(args, "--data"), extra,
            args.Contains("--pin") ? 0 : null, stats,
            // --server-env NAME=VALUE (repeatable): a runtime setting for the server process only, not the generator.
            [.. args.Select((a, i) => (a, i)).Where(p => p.a == "--server-env" && p.i + 1 < args.Length)
                .Select(p => args[p.i + 1])]));
        if (pin)
        {
            // The server alone on core 0, this generator on core 1, so that a stall measured here is the server's and
            // not the generator's 10,000 clients closing on the same cores.
            if (args.Contains("--pin-late"))
            {
                Pin(server.Pid, 0);
            }
            Pin(Environment.ProcessId, 1);
            Console.WriteLine(args.Contains("--pin-late") ? "pinned after start: server on core 0, generator on core 1"
                : "pinned: server started on core 0, generator on core 1");
        }
        await WaitHealthyAsync(server.Url);
        var loadAtStart = LoadAverage();
        Console.WriteLine(
            $"Connections: {count} idle connections of {people} people of one partnership, closed at once");

        var (http, ownerCookies, pid, docs) = await LoadGenerator.SeedAsync(server.Url, 1);
        using var disposeHttp = http;
        var cookies = new List<CookieContainer> { ownerCookies };
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(1, people - 1), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) =>
            {
                var joined = await InviteAsync(server.Url, http, pid, i);
                lock (cookies)
                {
                    cookies.Add(joined);
                }
            });
        Console.WriteLine($"{people} people in the partnership ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");

        var separate = args.Contains("--probe-process");
        await using var typist = separate ? null : await TypistAsync(server.Url, ownerCookies, docs[0]);
        await using var probe = separate ? await ConnectionsProbe.StartAsync(server.Url, ownerCookies, pid, docs[0])
            : null;
        await Task.Delay(2_000);
        var rssBefore = server.Rss;
        started = Stopwatch.GetTimestamp();
        var openStarted = started;
        var idle = new ConcurrentBag<HubConnection>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, _) => idle.Add(await JoinAsync(server.Url, cookies[i % cookies.Count], pid)));
        var opening = Stopwatch.GetElapsedTime(started);
        await Task.Delay(5_000); // let the joins' pushes drain before measuring memory
        var rssOpen = server.Rss;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} idle connections open in {opening.TotalSeconds:0.0} s; server RSS {rssBefore >> 20} MB before, "
            + $"{rssOpen >> 20} MB with them: {(rssOpen - rssBefore) / 1024.0 / count:0.0} KB per connection"));

        var others = OtherCpu.Start([server.Pid, Environment.ProcessId, .. probe is null ? [] : new[] { probe.Pid }]);
        var baseline = await CpuRateAsync(server, TimeSpan.FromSeconds(3));
        typist?.Reset();
        if (probe is not null)
        {
            await probe.ResetAsync();
        }
        var cpuBefore = server.CpuTime;
        started = Stopwatch.GetTimestamp();
        var closing = Task.WhenAll(idle.Select(c => c.DisposeAsync().AsTask()));
        await Task.Delay(200);
        var joinStarted = Stopwatch.GetTimestamp();
        var joiner = probe is null ? await JoinAsync(server.Url, ownerCookies, pid) : null;
        var join = probe is null ? Stopwatch.GetElapsedTime(joinStarted).TotalMilliseconds : await probe.JoinAsync();
        await closing;
        var closed = Stopwatch.GetElapsedTime(started);
        var settled = await WaitQuietAsync(server, baseline);
        var cpu = (server.CpuTime - cpuBefore).TotalSeconds - baseline * settled.TotalSeconds;
        var (maxWait, acknowledged, maxSentAt) = probe is null
            ? (typist!.MaxWaitMs, typist.Acknowledged, typist.MaxSentAt)
            : await probe.ReportAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"closes: all {count} closed by the clients in {closed.TotalSeconds:0.0} s, server quiet after "
            + $"{settled.TotalSeconds:0.0} s; server CPU for the closes {cpu:0.00} s (beyond the typist's "
            + $"{baseline:0.000} core)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"meanwhile{(probe is null ? "" : " (typist and joiner in a process of their own)")}: the typist's "
            + $"longest wait for an acknowledgement {maxWait:0.0} ms ({acknowledged} edits acknowledged); "
            + $"a new person joined in {join:0.0} ms"));
        if (stats is not null)
        {
            await Task.Delay(300); // the sampler's last lines
            Console.WriteLine("server before the connections opened: " + ServerStats.HeapAt(stats, openStarted));
            PrintStats(stats, started, Stopwatch.GetTimestamp(), maxSentAt, maxWait);
        }
        if (joiner is not null)
        {
            await joiner.DisposeAsync();
        }
        var loadAtEnd = LoadAverage();
        Console.WriteLine(Verdict(others.Read(), loadAtStart, loadAtEnd));
        return 0;
    }

    /// <summary>The server's GCs and queue (<see cref="ServerStats"/>): before the closes, over the closes until the
    /// server was quiet, and inside the typist's longest wait.</summary>
    private static void PrintStats(string stats, long closesStarted, long quiet, long maxSentAt, double maxWaitMs)
    {
        Console.WriteLine("server before the closes: " + ServerStats.HeapAt(stats, closesStarted));
        Console.WriteLine("server from the closes until quiet: " + ServerStats.Describe(stats, closesStarted, quiet));
        var waitEnd = maxSentAt + (long)(maxWaitMs * Stopwatch.Frequency / 1000);
        var sentAfter = (maxSentAt - closesStarted) * 1000.0 / Stopwatch.Frequency;
        var during = ServerStats.Describe(stats, maxSentAt, waitEnd);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server during the typist's longest wait (sent {sentAfter:0} ms after the closes started): {during}"));
        Console.WriteLine($"server stats kept in {stats}");
    }

    /// <summary>Share of the machine that other processes may use while the closes are measured.</summary>
    private const double OthersAllowed = 0.05;

    /// <summary>
    /// Other processes delay the typist and the joiner as much as the server does, so a run counts only if they
    /// used at most <see cref="OthersAllowed"/> of the machine from the baseline before the closes until the server
    /// was quiet again. The load average is shown but not judged: this run's own 10,000 clients (and the run
    /// before it) keep it above 1 on an otherwise idle two-core machine.
    /// </summary>
    private static string Verdict(OtherCpu.Reading others, double loadAtStart, double loadAtEnd)
    {
        var verdict = others.OthersShare <= OthersAllowed ? "VALID"
            : $"INVALID (other processes used more than {OthersAllowed:0%} of the machine)";
        return string.Create(CultureInfo.InvariantCulture,
            $"while the closes were measured {others}: {verdict}; 1-min load average {loadAtStart:0.00} at the "
            + $"start, {loadAtEnd:0.00} at the end (this run's own clients included)");
    }

    /// <summary>Every thread of process <paramref name="pid"/> onto one core (new threads inherit it).</summary>
    private static void Pin(int pid, int core)
    {
        using var taskset = Process.Start("taskset", ["-a", "-p", "-c", core.ToString(CultureInfo.InvariantCulture),
            pid.ToString(CultureInfo.InvariantCulture)]);
        taskset.WaitForExit();
        if (taskset.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset failed for pid {pid}");
        }
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>A new person signs up, is invited into the partnership as a viewer and accepts: their cookies.
    /// </summary>
    private static async Task<CookieContainer> InviteAsync(string baseUrl, HttpClient owner, Guid pid, int i)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies })
        {
            BaseAddress = new Uri(baseUrl),
        };
        await UseAntiforgeryTokenAsync(http);
        var email = $"idle{i}.{Guid.NewGuid():N}@example.org";
        (await http.PostAsJsonAsync("/api/account/signup",
            new { email, password = Password, displayName = $"Idle {i}", organisation = "Load" }))
            .EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/account/signin", new { email, password = Password }))
            .EnsureSuccessStatusCode();
        await UseAntiforgeryTokenAsync(http);
        var partyId = await OwnPartyAsync(owner, pid);
        var invited = await owner.PostAsJsonAsync($"/api/partnerships/{pid}/invitations",
            new { partyId, email, role = "Viewer", isPartyAdmin = false });
        invited.EnsureSuccessStatusCode();
        var token = (await invited.Content.ReadFromJsonAsync<TokenDto>())!.Token;
        (await http.PostAsync($"/api/invitations/{token}/accept", null)).EnsureSuccessStatusCode();
        return cookies;
    }

    private static Guid? _party;

    private static async Task<Guid> OwnPartyAsync(HttpClient owner, Guid pid)
    {
        if (_party is { } known)
        {
            return known;
        }
        var view = (await owner.GetFromJsonAsync<PartnershipDto>($"/api/partnerships/{pid}"))!;
        return (_party = view.Parties[0].Id).Value;
    }

    private sealed record TokenDto(string Token);

    private sealed record PartyDto(Guid Id);

    private sealed record PartnershipDto(IReadOnlyList<PartyDto> Parties);

    /// <summary>A connection to the partnership's live updates that joined it (and so counts as online).</summary>
    internal static async Task<HubConnection> JoinAsync(string baseUrl, CookieContainer cookies, Guid pid)
    {
        for (var attempt = 1; ; attempt++)
        {
            // WebSockets straight away: no negotiation request, so half the TCP connections (and TIME_WAIT ports).
            var connection = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/partnership", h =>
            {
                h.Cookies = cookies;
                h.SkipNegotiation = true;
                h.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            }).Build();
            connection.ServerTimeout = TimeSpan.FromMinutes(5);
            connection.On<object>("PartnershipChanged", _ => { });
            try
            {
                await connection.StartAsync();
                await connection.InvokeAsync<object>("JoinPartnership", pid);
                return connection;
            }
            catch (Exception e) when (attempt < 5 && e is HttpRequestException or IOException
                or System.Net.WebSockets.WebSocketException)
            {
                // A full accept queue while thousands connect at once: try again shortly.
                await connection.DisposeAsync();
                await Task.Delay(200 * attempt);
            }
        }
    }

    internal static async Task<Typist> TypistAsync(string baseUrl, CookieContainer cookies, Guid doc)
    {
        var connection = new HubConnectionBuilder().WithUrl(baseUrl + DocumentHubNames.Path, h => h.Cookies = cookies)
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(5);
        await connection.StartAsync();
        var session = new CoEditingSession(connection, doc);
        await session.OpenAsync();
        return new Typist(connection, session);
    }

    /// <summary>
    /// Types one character every 20 ms and keeps the longest time from sending an edit to its acknowledgement.
    /// </summary>
    internal sealed class Typist : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _typing;
        private readonly ConcurrentDictionary<long, long> _sentAt = new();
        private double _maxWaitMs;
        private long _maxSentAt;
        private int _acknowledged;

        public Typist(HubConnection connection, CoEditingSession session)
        {
            _connection = connection;
            session.Sending += seq => _sentAt[seq] = Stopwatch.GetTimestamp();
            session.Acknowledged += seq =>
            {
                if (_sentAt.TryRemove(seq, out var at))
                {
                    var ms = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
                    lock (_stop)
                    {
                        if (ms > _maxWaitMs)
                        {
                            (_maxWaitMs, _maxSentAt) = (ms, at);
                        }
                        _acknowledged++;
                    }
                }
            };
            _typing = Task.Run(async () =>
            {
                var random = new Random(1);
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
                try
                {
                    while (await timer.WaitForNextTickAsync(_stop.Token))
                    {
                        session.Insert(random.Next(session.Length + 1), "x");
                    }
                }
                catch (OperationCanceledException)
                {
                    // Done.
                }
            });
        }

        public double MaxWaitMs
        {
            get { lock (_stop) { return _maxWaitMs; } }
        }

        /// <summary>When the edit that waited longest was sent (<see cref="Stopwatch.GetTimestamp"/>).</summary>
        public long MaxSentAt
        {
            get { lock (_stop) { return _maxSentAt; } }
        }

        public int Acknowledged
        {
            get { lock (_stop) { return _acknowledged; } }
        }

        public void Reset()
        {
            lock (_stop)
            {
                (_maxWaitMs, _maxSentAt, _acknowledged) = (0, 0, 0);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _typing;
            await _connection.DisposeAsync();
            _stop.Dispose();
        }
    }

    /// <summary>The server's CPU use, in cores, over <paramref name="span"/>.</summary>
    private static async Task<double> CpuRateAsync(LoadGenerator.ServerUnderTest server, TimeSpan span)
    {
        var before = server.CpuTime;
        await Task.Delay(span);
        return (server.CpuTime - before).TotalSeconds / span.TotalSeconds;
    }

    /// <summary>
    /// Waits until a half-second passes with the server near its baseline; returns the time until then.
    /// </summary>
    private static async Task<TimeSpan> WaitQuietAsync(LoadGenerator.ServerUnderTest server, double baseline)
    {
        var started = Stopwatch.GetTimestamp();
        while (await CpuRateAsync(server, TimeSpan.FromMilliseconds(500)) > baseline + 0.05
            && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(5))
        {
        }
        return Stopwatch.GetElapsedTime(started);
    }
}
