using System.Net;
using Workspace.Benchmarks.Load.Lite;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// The floor server (Floor/Workspace.Floor.csproj): only the building blocks the owner fixed, with the product's
/// wire protocol, so the same lite clients drive it. <paramref name="mode"/>: signalr (Kestrel + SignalR, documents in
/// the hub's memory), orleans (+ a grain per document), orleans-fsync (+ a group-committed, fsynced append per op).
/// </summary>
public sealed class FloorTarget(string mode) : LoadTarget
{
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"floor-{Guid.NewGuid():N}.log");
    private string _url = "";
    private HttpClient? _http;

    public override string Name => "floor " + mode;

    public string Url => _url;

    public static string FindDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Workspace.Benchmarks", "Floor", "bin", "Release",
                "net10.0", "Workspace.Floor.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(
            "Build the floor server first: dotnet build tests/Workspace.Benchmarks/Floor -c Release.");
    }

    public override async Task StartAsync(int core)
    {
        var dll = FindDll();
        _url = $"http://127.0.0.1:{BenchmarkServer.FreePort()}";
        StartPinned(core, "dotnet", Path.GetDirectoryName(dll)!,
            [dll, $"--urls={_url}", $"--mode={mode}", $"--silo-port={BenchmarkServer.FreePort()}",
                $"--log-file={_log}",
                "--Logging:LogLevel:Default=Warning"],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        await BenchmarkServer.WaitHealthyAsync(_url);
    }

    public override Task<List<(int Doc, Writer Writer)>> ConnectAsync(int docs, int writers, IProbe probe) =>
        throw new NotSupportedException("The floor server is driven by the lite generator only.");

    public override Task<LiteRun> ConnectLiteAsync(int docs, int writers)
    {
        var http = _http = new HttpClient { BaseAddress = new Uri(_url) };
        var ids = Enumerable.Range(0, docs).Select(_ => Guid.NewGuid()).ToArray();
        return ConnectLiteHubAsync(_url, new CookieContainer(), ids, writers, http, d => $"/documents/{ids[d]}");
    }

    public override async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await base.DisposeAsync();
        File.Delete(_log); // the orleans-fsync mode's op log (nothing if absent)
    }
}
