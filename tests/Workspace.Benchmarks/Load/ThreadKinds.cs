using System.Globalization;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// A server's CPU and context switches split by kind of thread (from each thread's name in /proc): the thread pool,
/// the socket engine, the JIT's tiering thread, timers, the rest. It shows where a process wakes up and whether the
/// JIT was still at work during the measurement. Like <see cref="ThreadCounters"/>, the last reading of every thread
/// is kept, so a thread that ends between readings still counts.
/// </summary>
public sealed class ThreadKinds
{
    public const string Pool = "thread pool";
    public const string Sockets = "sockets";
    public const string Jit = "JIT";
    public const string Timers = "timers";
    public const string Other = "other";

    public static readonly string[] All = [Pool, Sockets, Jit, Timers, Other];

    private const double TicksPerSecond = 100; // USER_HZ, the unit of /proc's utime and stime on Linux

    private readonly Dictionary<string, (string Kind, Usage Usage)> _last = [];
    private readonly int _pid;

    public ThreadKinds(int pid) => _pid = pid;

    /// <summary>CPU and context switches (voluntary, involuntary) of one kind of thread.</summary>
    public readonly record struct Usage(TimeSpan Cpu, long Voluntary, long Involuntary)
    {
        public static Usage operator +(Usage a, Usage b) =>
            new(a.Cpu + b.Cpu, a.Voluntary + b.Voluntary, a.Involuntary + b.Involuntary);

        public static Usage operator -(Usage a, Usage b) =>
            new(a.Cpu - b.Cpu, a.Voluntary - b.Voluntary, a.Involuntary - b.Involuntary);
    }

    /// <summary>Totals per kind so far (every thread's latest reading).</summary>
    public Dictionary<string, Usage> Read()
    {
        lock (_last)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{_pid}/task"))
            {
                try
                {
                    _last[task] = ReadThread(task);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The thread ended while being read: its last reading stands.
                }
            }
            var totals = All.ToDictionary(k => k, _ => default(Usage));
            foreach (var (kind, usage) in _last.Values)
            {
                totals[kind] += usage;
            }
            return totals;
        }
    }

    public static Dictionary<string, Usage> Difference(
        Dictionary<string, Usage> end, Dictionary<string, Usage> start) =>
        All.ToDictionary(k => k, k => end[k] - start[k]);

    private static (string Kind, Usage Usage) ReadThread(string task)
    {
        var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
        var stat = File.ReadAllText(Path.Combine(task, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);
        long voluntary = 0, involuntary = 0;
        foreach (var line in File.ReadLines(Path.Combine(task, "status")))
        {
            if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
            {
                voluntary = long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
            {
                involuntary = long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }
        return (KindOf(name), new Usage(TimeSpan.FromSeconds(ticks / TicksPerSecond), voluntary, involuntary));
    }

    /// <summary>.NET names its threads (15 characters are kept); node's are "node" and "libuv-worker".</summary>
    public static string KindOf(string name) => name switch
    {
        ".NET TP Worker" or ".NET TP Gate" or ".NET ThreadPool" or ".NET IO Thread" => Pool,
        ".NET Sockets" or "libuv-worker" => Sockets,
        ".NET Tiered Com" => Jit,
        ".NET Timer" or "Kestrel Timer" => Timers,
        _ => Other,
    };
}
