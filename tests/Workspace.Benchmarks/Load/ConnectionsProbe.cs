using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// The typist and the joiner of <see cref="ConnectionsBenchmark"/> in a process of their own (<c>--probe-process</c>):
/// the generator's 10,000 clients closing fill its own thread pool, and a typist in that process waits behind them
/// for its acknowledgement to be read (a stall of the generator, not of the server). Driven over stdin/stdout:
/// <c>reset</c>, <c>join</c> (prints the join time), <c>report</c> (prints the longest wait and the acknowledged
/// count), <c>stop</c>.
/// </summary>
internal sealed class ConnectionsProbe : IAsyncDisposable
{
    private readonly Process _process;

    private ConnectionsProbe(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>Starts the probe process (it inherits this process's cores) and waits until it types.</summary>
    public static async Task<ConnectionsProbe> StartAsync(string url, CookieContainer cookies, Guid pid, Guid doc)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[] { typeof(ConnectionsProbe).Assembly.Location, "connections-probe", url,
            cookies.GetCookieHeader(new Uri(url)), pid.ToString(), doc.ToString() })
        {
            info.ArgumentList.Add(a);
        }
        var probe = new ConnectionsProbe(Process.Start(info)!);
        await probe.AskAsync(null); // "ready"
        return probe;
    }

    public async Task ResetAsync() => await AskAsync("reset");

    public async Task<double> JoinAsync() => Number(await AskAsync("join"), 0);

    public async Task<(double MaxWaitMs, int Acknowledged, long MaxSentAt)> ReportAsync()
    {
        var line = await AskAsync("report");
        return (Number(line, 0), (int)Number(line, 1), long.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture));
    }

    private static double Number(string line, int i) =>
        double.Parse(line.Split(' ')[i], CultureInfo.InvariantCulture);

    private async Task<string> AskAsync(string? command)
    {
        if (command is not null)
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
        }
        return await _process.StandardOutput.ReadLineAsync()
            ?? throw new InvalidOperationException("The probe process ended.");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    /// <summary>The probe process itself: <c>connections-probe URL COOKIE-HEADER PARTNERSHIP DOCUMENT</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (url, pid, doc) = (args[0], Guid.Parse(args[2]), Guid.Parse(args[3]));
        var cookies = new CookieContainer();
        cookies.SetCookies(new Uri(url), args[1].Replace("; ", ",", StringComparison.Ordinal));
        await using var typist = await ConnectionsBenchmark.TypistAsync(url, cookies, doc);
        var joined = new List<Microsoft.AspNetCore.SignalR.Client.HubConnection>();
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } command && command != "stop")
        {
            switch (command)
            {
                case "reset":
                    typist.Reset();
                    Console.WriteLine("ok");
                    break;
                case "join":
                    var started = Stopwatch.GetTimestamp();
                    joined.Add(await ConnectionsBenchmark.JoinAsync(url, cookies, pid));
                    Console.WriteLine(Stopwatch.GetElapsedTime(started).TotalMilliseconds
                        .ToString("0.0", CultureInfo.InvariantCulture));
                    break;
                case "report":
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{typist.MaxWaitMs:0.0} {typist.Acknowledged} {typist.MaxSentAt}"));
                    break;
            }
        }
        foreach (var connection in joined)
        {
            await connection.DisposeAsync();
        }
        return 0;
    }
}
