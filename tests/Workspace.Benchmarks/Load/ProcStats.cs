using System.Diagnostics;
using System.Globalization;

namespace Workspace.Benchmarks.Load;

/// <summary>One reading of a process from /proc: CPU, its threads' context switches, memory, run-queue wait.</summary>
public readonly record struct ProcSample(TimeSpan Cpu, long ContextSwitches, long RssBytes, TimeSpan RunQueueWait)
{
    private static readonly double TicksPerSecond = ClockTicks();

    public static ProcSample Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) start at ")"; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var (switches, wait) = ThreadCounters.For(pid).Read();
        var rssKb = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new ProcSample(TimeSpan.FromSeconds(ticks / TicksPerSecond), switches,
            long.Parse(rssKb, CultureInfo.InvariantCulture) * 1024, wait);
    }

    public static ProcSample operator -(ProcSample a, ProcSample b) =>
        new(a.Cpu - b.Cpu, a.ContextSwitches - b.ContextSwitches, a.RssBytes, a.RunQueueWait - b.RunQueueWait);

    private static double ClockTicks()
    {
        try
        {
            var info = new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true };
            using var getconf = Process.Start(info)!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}

/// <summary>
/// Context switches and run-queue wait summed over a process's threads. The kernel keeps them per thread and drops them
/// when a thread ends, so the last value seen of every thread is remembered: read often (the run does, every 10 ms), a
/// total never goes backwards when the thread pool retires a thread.
/// </summary>
public sealed class ThreadCounters
{
    private static readonly Dictionary<int, ThreadCounters> ByPid = [];
    private readonly Dictionary<string, (long Switches, long WaitNs)> _last = [];
    private readonly int _pid;

    private ThreadCounters(int pid) => _pid = pid;

    public static ThreadCounters For(int pid)
    {
        lock (ByPid)
        {
            return ByPid.TryGetValue(pid, out var c) ? c : ByPid[pid] = new ThreadCounters(pid);
        }
    }

    public (long Switches, TimeSpan Wait) Read()
    {
        lock (_last)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{_pid}/task"))
            {
                try
                {
                    long switches = 0;
                    foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                    {
                        if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal)
                            || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                        {
                            switches += long.Parse(line[(line.IndexOf(':') + 1)..].Trim(),
                                CultureInfo.InvariantCulture);
                        }
                    }
                    // schedstat: time on CPU, time waiting on a run queue (ns), time slices.
                    var schedstat = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                    var wait = long.Parse(schedstat[1], CultureInfo.InvariantCulture);
                    _last[task] = (switches, wait);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The thread ended while being read: its last reading stands.
                }
            }
            return (_last.Values.Sum(v => v.Switches), TimeSpan.FromTicks(_last.Values.Sum(v => v.WaitNs) / 100));
        }
    }
}
