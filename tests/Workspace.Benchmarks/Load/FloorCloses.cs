using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// The floor server's share of "10,000 clients leaving at once" (RESULTS-load.md): N idle connections (each opened
/// one of --docs documents, so each is in a SignalR group, as the product's are in their partnership's) are closed at
/// once while a typist in a process of its own inserts every 20 ms in another document. Prints the server's CPU for
/// the closes (beyond the typist's), per close, the typist's longest wait for an acknowledgement and how long a new
/// connection took to open meanwhile. Usage (generator on core 1, the floor server is started on core 0):
/// taskset -c 1 dotnet Workspace.Benchmarks.dll floor-closes [--count 10000] [--docs 200] [--mode signalr]
/// </summary>
public static class FloorCloses
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = BenchmarkServer.IntOption(args, "--count", 10_000);
        var docs = BenchmarkServer.IntOption(args, "--docs", 200);
        var mode = BenchmarkServer.Option(args, "--mode") ?? "signalr";
        await using var server = new FloorTarget(mode);
        await server.StartAsync(0);
        Console.WriteLine($"floor {mode}: pid {server.Pid} on core 0; load average {Load()}");
        var probe = StartProbe(server.Url);
        await Ask(probe, null); // ready
        var ids = Enumerable.Range(0, docs).Select(_ => Guid.NewGuid()).ToArray();
        var idle = new FloorConnection[count];
        var started = Stopwatch.GetTimestamp();
        using var pinging = new CancellationTokenSource();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, ct) => idle[i] = await OpenWithRetryAsync(server.Url, ids[i % docs], ct));
        Console.WriteLine($"{count} idle connections open in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        // SignalR closes a connection that sent nothing for 30 s: the idle ones ping every 10 s until the closes.
        var pings = PingLoopAsync(idle, pinging.Token);
        await Task.Delay(5_000);
        var baseline = await CpuRateAsync(server.Pid, TimeSpan.FromSeconds(3));
        await pinging.CancelAsync();
        await pings;
        await Ask(probe, "reset");
        var cpuBefore = ProcSample.Of(server.Pid).Cpu;
        started = Stopwatch.GetTimestamp();
        var closing = Task.WhenAll(idle.Select(CloseAsync));
        await Task.Delay(200);
        var join = await Ask(probe, "join");
        await closing;
        var closed = Stopwatch.GetElapsedTime(started);
        var settled = await WaitQuietAsync(server.Pid, baseline);
        var cpu = (ProcSample.Of(server.Pid).Cpu - cpuBefore).TotalSeconds
            - baseline * (closed + settled).TotalSeconds;
        var report = (await Ask(probe, "report")).Split(' ');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"closes: {count} closed by the clients in {closed.TotalSeconds:0.00} s, server quiet "
            + $"{settled.TotalSeconds:0.0} s later; server CPU for the closes {cpu:0.00} s = {cpu * 1e6 / count:0} µs "
            + $"per close (beyond the typist's {baseline:0.000} core)"));
        Console.WriteLine($"meanwhile (typist and joiner in a process of their own): the typist's longest wait for an "
            + $"acknowledgement {report[0]} ms ({report[1]} edits acknowledged); a new connection opened in {join} ms; "
            + $"load average {Load()}");
        await Ask(probe, "stop", expectAnswer: false);
        await probe.WaitForExitAsync();
        return 0;
    }

    private static async Task<FloorConnection> OpenWithRetryAsync(string url, Guid doc, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FloorConnection.OpenAsync(url, doc, ct);
            }
            catch (WebSocketException) when (attempt < 5)
            {
                await Task.Delay(200 * attempt, ct); // a full accept queue: try again shortly
            }
        }
    }

    private static async Task PingLoopAsync(FloorConnection[] idle, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(10_000, ct);
                foreach (var c in idle)
                {
                    await c.PingAsync(ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The closes start.
        }
    }

    private static async Task CloseAsync(FloorConnection c)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await c.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Gone already.
        }
        c.Dispose();
    }

    private static Process StartProbe(string url)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[] { typeof(FloorCloses).Assembly.Location, "floor-closes-probe", url,
            Guid.NewGuid().ToString() })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment.Remove(LoadTarget.InlineCompletions);
        return Process.Start(info)!;
    }

    private static async Task<string> Ask(Process probe, string? command, bool expectAnswer = true)
    {
        if (command is not null)
        {
            await probe.StandardInput.WriteLineAsync(command);
            await probe.StandardInput.FlushAsync();
        }
        return expectAnswer ? await probe.StandardOutput.ReadLineAsync()
            ?? throw new InvalidOperationException("The probe process ended.") : "";
    }

    private static async Task<double> CpuRateAsync(int pid, TimeSpan span)
    {
        var before = ProcSample.Of(pid).Cpu;
        await Task.Delay(span);
        return (ProcSample.Of(pid).Cpu - before).TotalSeconds / span.TotalSeconds;
    }

    /// <summary>Waits until a half-second passes with the server near its baseline; returns the time until then.
    /// </summary>
    private static async Task<TimeSpan> WaitQuietAsync(int pid, double baseline)
    {
        var started = Stopwatch.GetTimestamp();
        while (await CpuRateAsync(pid, TimeSpan.FromMilliseconds(500)) > baseline + 0.05
            && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(2))
        {
        }
        return Stopwatch.GetElapsedTime(started);
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}
