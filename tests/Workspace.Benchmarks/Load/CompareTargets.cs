using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Benchmarks.Load.Lite;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Benchmarks.Load;

/// <summary>One typing client, whatever server it talks to.</summary>
public sealed record Writer(
    Action<int, string> Insert, Func<int> Length, Func<string> Text, Func<bool> Synced, Func<ValueTask> Close);

/// <summary>What every writer reports: an op leaving (src, seq), an ack, a remote op applied (src, seq).</summary>
public interface IProbe
{
    void Sent(string src, long seq);

    void Acked();

    void Applied(string src, long seq);
}

/// <summary>A server process pinned to one core, and how to open D × W writers on it.</summary>
public abstract class LoadTarget : IAsyncDisposable
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private Process? _process;
    private volatile bool _stopping;

    public abstract string Name { get; }

    public int Pid => _process!.Id;

    public abstract Task StartAsync(int core);

    public abstract Task<List<(int Doc, Writer Writer)>> ConnectAsync(int docs, int writers, IProbe probe);

    /// <summary>D × W full clients (see <see cref="FullClients"/>).</summary>
    public async Task<ILoadClients> ConnectFullAsync(int docs, int writers)
    {
        var probe = new FullClients.Probe();
        return new FullClients(await ConnectAsync(docs, writers, probe), probe);
    }

    /// <summary>D × W lite clients (see <see cref="LiteClient"/>).</summary>
    public abstract Task<LiteRun> ConnectLiteAsync(int docs, int writers);

    /// <summary>W lite clients per document on a server speaking the product's documents hub; the end state of
    /// document d is read from <paramref name="contentPath"/>(d).</summary>
    protected static async Task<LiteRun> ConnectLiteHubAsync(string url, CookieContainer cookies,
        IReadOnlyList<Guid> ids, int writers, HttpClient http, Func<int, string> contentPath)
    {
        var run = new LiteRun();
        var hub = new Uri(string.Concat("ws", url.AsSpan(4), DocumentHubNames.Path));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        for (var d = 0; d < ids.Count; d++)
        {
            for (var w = 0; w < writers; w++)
            {
                var client = new LiteHubClient(run.Count, d, run, ids[d]);
                await client.ConnectAsync(hub, cookies, timeout.Token);
                run.Add(client);
            }
        }
        run.Seal(async d =>
        {
            var content = await http.GetFromJsonAsync<BenchmarkServer.ContentDto>(contentPath(d));
            return (content!.Revision, TextType.CodePointLength(content.Text));
        });
        return run;
    }

    /// <summary>Starts <paramref name="file"/> under <c>taskset -c core</c> (it execs: same pid).</summary>
    protected Process StartPinned(int core, string file, string workingDirectory, IEnumerable<string> args,
        IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("taskset")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        var pinned = new[] { "-c", core.ToString(System.Globalization.CultureInfo.InvariantCulture), file };
        foreach (var a in pinned.Concat(args))
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        // The generator's own socket setting (run-load-compare.sh) is not the server's.
        info.Environment.Remove(InlineCompletions);
        _process = Process.Start(info)!;
        // A generator stopped with Ctrl+C or SIGTERM must not leave its server running on the benchmark core.
        var started = _process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(started);
        Console.CancelKeyPress += (_, _) => Stop(started);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"{Name}: {e.Data}");
            }
        };
        _process.BeginErrorReadLine();
        // A server that ends before the generator stops it says so (and how), instead of a table that never comes.
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) =>
        {
            if (!_stopping)
            {
                Console.Error.WriteLine($"{Name}: the server exited by itself, code {started.ExitCode}");
            }
        };
        return _process;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already disposed: it was stopped.
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _stopping = true;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            // Not Stop's blocking WaitForExit(): that also waits for the end of the server's redirected output, whose
            // reads complete on the socket engine's thread when the generator runs with inline socket completions
            // (run-load-compare.sh). Reached on that thread (the last client's close completing there), it waited for
            // itself: the server was gone and the table never printed (RESULTS-load.md, inline hub pipes).
            await process.WaitForExitAsync();
            process.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>This product: the Release server build, own SQLite file, durable storage as by default.</summary>
public sealed class ProductTarget(string[] extraArgs, string? serverDll, string name = "this product") : LoadTarget
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "workspace-compare", Guid.NewGuid().ToString("N"));
    private string _url = "";
    private HttpClient? _http;

    public override string Name => name;

    public override async Task StartAsync(int core)
    {
        var dll = serverDll ?? BenchmarkServer.FindServerDll();
        Directory.CreateDirectory(_data);
        _url = $"http://127.0.0.1:{BenchmarkServer.FreePort()}";
        var process = StartPinned(core, "dotnet", Path.GetDirectoryName(dll)!,
            new[] { dll }.Concat(BenchmarkServer.ServerSettings(_url, _data)).Concat(extraArgs),
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        // With --Logging:LogLevel:Workspace.Server.Features.Documents.OperationWriter=Information: rows per commit.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.Contains("Group commit", StringComparison.Ordinal))
            {
                Console.Error.WriteLine("server: " + line.Trim());
            }
        };
        process.BeginOutputReadLine();
        await BenchmarkServer.WaitHealthyAsync(_url);
    }

    public override async Task<List<(int Doc, Writer Writer)>> ConnectAsync(int docs, int writers, IProbe probe)
    {
        var (http, cookies, _, ids) = await LoadGenerator.SeedAsync(_url, docs);
        http.Dispose();
        var result = new List<(int, Writer)>();
        for (var d = 0; d < docs; d++)
        {
            for (var w = 0; w < writers; w++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(_url + DocumentHubNames.Path, h => h.Cookies = cookies).Build();
                connection.ServerTimeout = TimeSpan.FromSeconds(60);
                await connection.StartAsync();
                var session = new CoEditingSession(connection, ids[d]);
                session.Sending += seq => probe.Sent(session.ClientId, seq);
                session.Acknowledged += _ => probe.Acked();
                connection.On<AppliedOperation>(DocumentHubNames.OperationApplied,
                    op => probe.Applied(op.ClientId, op.ClientSeq));
                await session.OpenAsync();
                result.Add((d, new Writer(
                    session.Insert, () => session.Length, () => session.Text, () => session.IsSynced,
                    async () => { await session.DisposeAsync(); await connection.DisposeAsync(); })));
            }
        }
        return result;
    }

    public override async Task<LiteRun> ConnectLiteAsync(int docs, int writers)
    {
        var (http, cookies, pid, ids) = await LoadGenerator.SeedAsync(_url, docs);
        _http = http;
        return await ConnectLiteHubAsync(_url, cookies, ids, writers, http,
            d => $"/api/partnerships/{pid}/documents/{ids[d]}");
    }

    public override async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder.
        }
    }
}

/// <summary>ShareDB 7 in memory with text-unicode (tests/Workspace.Benchmarks/sharedb/server.mjs).</summary>
public sealed class ShareDbTarget(string scriptDirectory) : LoadTarget
{
    private Uri _url = new("ws://127.0.0.1/");

    public override string Name => "ShareDB 7 (memory)";

    public override async Task StartAsync(int core)
    {
        var process = StartPinned(core, "node", scriptDirectory, ["server.mjs", "0"]);
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException("The ShareDB server did not start (npm ci in its folder?).");
        _url = new Uri($"ws://127.0.0.1:{ready.Split(' ')[1]}/");
    }

    public override async Task<List<(int Doc, Writer Writer)>> ConnectAsync(int docs, int writers, IProbe probe)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = new List<(int, Writer)>();
        for (var d = 0; d < docs; d++)
        {
            var id = $"doc{d}";
            for (var w = 0; w < writers; w++)
            {
                var session = new ShareDbSession("docs", id);
                await session.ConnectAsync(_url, timeout.Token);
                if (w == 0)
                {
                    await session.CreateAsync(timeout.Token);
                }
                session.Sending += seq => probe.Sent(session.Src, seq);
                session.Acknowledged += probe.Acked;
                session.RemoteApplied += probe.Applied;
                await session.SubscribeAsync(timeout.Token);
                result.Add((d, new Writer(
                    session.Insert, () => session.Length, () => session.Text, () => session.IsSynced,
                    session.DisposeAsync)));
            }
        }
        return result;
    }

    public override async Task<LiteRun> ConnectLiteAsync(int docs, int writers)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var run = new LiteRun();
        var first = new LiteShareDbClient[docs];
        for (var d = 0; d < docs; d++)
        {
            for (var w = 0; w < writers; w++)
            {
                var client = new LiteShareDbClient(run.Count, d, run, "docs", $"doc{d}");
                await client.ConnectAsync(_url, create: w == 0, timeout.Token);
                run.Add(client);
                first[d] ??= client;
            }
        }
        run.Seal(async d =>
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await first[d].FetchAsync(wait.Token);
        });
        return run;
    }
}
