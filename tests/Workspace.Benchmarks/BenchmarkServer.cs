using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Workspace.Benchmarks;

/// <summary>What every benchmark that drives a real server process needs: its options, the server build, free
/// ports, the settings it starts with, waiting until it answers, and the antiforgery token of its API.</summary>
internal static class BenchmarkServer
{
    internal sealed record IdDto(Guid Id);

    internal sealed record ContentDto(string Text, long Revision);

    /// <summary>The value after <paramref name="name"/> on the command line, if any.</summary>
    public static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static string FindServerDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(
                dir.FullName, "src", "Workspace.Server", "bin", "Release", "net10.0", "Workspace.Server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(
            "Build the server first: dotnet build src/Workspace.Server -c Release (or pass --server-dll).");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The settings every benchmarked server starts with: its own port, data folder and silo port, no
    /// gateway, warnings only.</summary>
    public static string[] ServerSettings(string url, string data) =>
    [
        $"--urls={url}", $"--Database:DataDirectory={data}", $"--Orleans:SiloPort={FreePort()}",
        "--Orleans:GatewayPort=0", "--Logging:LogLevel:Default=Warning",
    ];

    /// <summary>Polls /health every 100 ms until it succeeds, <paramref name="attempts"/> times at most.</summary>
    public static async Task WaitHealthyAsync(string baseUrl, int attempts = 600)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < attempts; i++)
        {
            try
            {
                if ((await http.GetAsync(baseUrl + "/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not start.");
    }

    /// <summary>Unsafe API calls need the antiforgery token of the current identity (fetched again after signing
    /// in).</summary>
    public static async Task UseAntiforgeryTokenAsync(HttpClient http)
    {
        var token = (await http.GetFromJsonAsync<Dictionary<string, string>>("/api/account/antiforgery"))!["token"];
        http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
    }

    /// <summary>Posts <paramref name="body"/> and returns the id of what it created.</summary>
    public static async Task<Guid> PostForIdAsync(HttpClient http, string path, object body) =>
        (await (await http.PostAsJsonAsync(path, body)).Content.ReadFromJsonAsync<IdDto>())!.Id;
}
