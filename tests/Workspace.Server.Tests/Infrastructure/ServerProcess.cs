using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// The server as a real OS process (<c>dotnet Workspace.Server.dll</c>) on a real port with its own SQLite
/// folder, so a test can kill it with SIGKILL and start it again on the same data.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private Process? _process;

    public ServerProcess(string? dataDirectory = null, IDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory
            ?? Path.Combine(Path.GetTempPath(), "workspace-process", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Port = WorkspaceFactory.FreeTcpPort();
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
    }

    public string DataDirectory { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public int? ProcessId => _process?.Id;
    public Process? Process => _process;

    /// <summary>
    /// Path of Workspace.Server.dll next to the test assembly (copied there by the project reference).
    /// </summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Workspace.Server.dll");

    /// <summary>Starts the server and waits until <c>/health</c> answers 200.</summary>
    public Task StartAsync(CancellationToken ct = default) => StartAsync(healthy: true, ct);

    /// <summary>
    /// Starts the server and waits until <c>/health</c> answers 200 (or, with <paramref name="healthy"/> false,
    /// anything).
    /// </summary>
    public async Task StartAsync(bool healthy, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ServerDll);
        var settings = new Dictionary<string, string>
        {
            ["urls"] = BaseUrl,
            ["Database:DataDirectory"] = DataDirectory,
            // A fresh silo port per start: the killed silo's port may linger for a moment.
            ["Orleans:SiloPort"] = WorkspaceFactory.FreeTcpPort()
                .ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_gcServer"] = "0";
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Generous: CI runs the server and browser tests side by side on two cores with one kept busy, and a cold start
        // (JIT, Orleans, the database) then took more than a minute once, its first answers more than 2 s each.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var until = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                // HasExited can be true before the last lines of its output have been read: wait for the end of both
                // redirected streams (WaitForExit without a timeout does), so the reason the server gave is in the
                // message.
                await _process.WaitForExitAsync(ct);
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health", ct)).StatusCode == HttpStatusCode.OK || !healthy)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow start.
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"The server did not become healthy:\n{Output}");
    }

    /// <summary>
    /// Runs one of the server's commands (<c>backup PATH</c>, <c>restore PATH</c>, <c>acknowledge</c>) on
    /// <paramref name="dataDirectory"/> and returns its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string dataDirectory,
        CancellationToken ct,
        params string[] command)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ServerDll);
        foreach (var arg in command)
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add($"--Database:DataDirectory={dataDirectory}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the command.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>
    /// Signs a new person up on this server over real HTTP; the client carries their cookie (in <paramref
    /// name="cookies"/>,
    /// good for every node on this machine) and a fresh antiforgery token.
    /// </summary>
    public async Task<HttpClient> SignUpAsync(
        string name,
        CookieContainer cookies,
        string? email = null,
        CancellationToken ct = default)
    {
        var http = new HttpClient(
            new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(BaseUrl) };
        email ??= $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        await WorkspaceFactory.UseAntiforgeryTokenAsync(http, ct);
        (await http.PostAsJsonAsync(
            "/api/account/signup",
            new { email, password = "correct-horse-9", displayName = name, organisation = "Org" },
            ct))
            .EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/account/signin", new { email, password = "correct-horse-9" }, ct))
            .EnsureSuccessStatusCode();
        await WorkspaceFactory.UseAntiforgeryTokenAsync(http, ct);
        return http;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what was committed is all that survives.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    private readonly System.Text.StringBuilder _output = new();

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        return ValueTask.CompletedTask;
    }
}
