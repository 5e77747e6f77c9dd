using System.Globalization;
using System.Text;

namespace Workspace.Benchmarks.Load;

/// <summary>Both servers' numbers side by side; a column whose generator was saturated says INVALID.</summary>
public static class CompareTable
{
    public static void Print(IReadOnlyList<CompareRun.Result> results, double maxGeneratorCpu, double maxDelayMs)
    {
        var rows = new List<(string Metric, Func<CompareRun.Result, string> Value)>
        {
            ("run", r => Verdict(r, maxGeneratorCpu, maxDelayMs)),
            ("generator clients", r => r.Clients),
            ("measured seconds", r => F(r.Seconds, "0.0")),
            ("inserts typed / acknowledged per s",
                r => $"{F(r.Inserts / r.Seconds, "0")} / {F(r.Acks / r.Seconds, "0")}"),
            ("deliveries per s", r => F(r.Deliveries / r.Seconds, "0")),
            ("server CPU (share of its core)", r => F(r.Server.Cpu.TotalSeconds / r.Seconds, "0.00")),
            ("server CPU µs per insert", r => F(r.Server.Cpu.TotalMicroseconds / Math.Max(1, r.Inserts), "0")),
            ("server CPU µs per delivered message",
                r => F(r.Server.Cpu.TotalMicroseconds / Math.Max(1, r.Deliveries), "0.0")),
            ("server context switches per insert",
                r => F((double)r.Server.ContextSwitches / Math.Max(1, r.Inserts), "0.00")),
            ($"  µs by thread: {string.Join(" / ", ThreadKinds.All)}",
                r => ByThread(r, u => u.Cpu.TotalMicroseconds, "0")),
            ("  voluntary switches by thread", r => ByThread(r, u => u.Voluntary, "0.00")),
            ("  involuntary switches by thread", r => ByThread(r, u => u.Involuntary, "0.00")),
            ("latency p50 / p95 / p99 / max ms", r => Latency(r.Latencies)),
            ("server peak RSS MB", r => F(r.PeakRss / 1048576.0, "0")),
            ("generator CPU (share of its core)", r => F(r.Generator.Cpu.TotalSeconds / r.Seconds, "0.00")),
            ("generator timer delay p99 / max ms", r => $"{Q(r.Delays, 0.99)} / {Q(r.Delays, 1)}"),
            ("generator typing lateness p99 / max ms",
                r => r.TypingLate.Length == 0 ? "-" : $"{Q(r.TypingLate, 0.99)} / {Q(r.TypingLate, 1)}"),
            ("generator messages received per s", r => r.MessagesIn < 0 ? "-" : F(r.MessagesIn / r.Seconds, "0")),
            ("generator run-queue wait ms per s",
                r => F(r.Generator.RunQueueWait.TotalMilliseconds / r.Seconds, "0.0")),
            ("generator messages per 10 ms timer window: late / on time",
                r => Burst(r.Windows, maxDelayMs)),
            ("generator GCs gen0 / gen1 / gen2, pause ms",
                r => $"{r.Gc.Gen0} / {r.Gc.Gen1} / {r.Gc.Gen2}, {F(r.Gc.Pause.TotalMilliseconds, "0.0")}"),
            ("converged", r => r.Converged ? "yes" : "NO"),
        };
        var width = rows.Max(r => r.Metric.Length);
        var columns = results.Select(r => Math.Max(r.Name.Length, rows.Max(row => row.Value(r).Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine();
        text.Append("| ").Append("".PadRight(width));
        for (var i = 0; i < results.Count; i++)
        {
            text.Append(" | ").Append(results[i].Name.PadRight(columns[i]));
        }
        text.AppendLine(" |");
        text.Append("|-").Append(new string('-', width));
        foreach (var c in columns)
        {
            text.Append("-|-").Append(new string('-', c));
        }
        text.AppendLine("-|");
        foreach (var (metric, value) in rows)
        {
            text.Append("| ").Append(metric.PadRight(width));
            for (var i = 0; i < results.Count; i++)
            {
                text.Append(" | ").Append(value(results[i]).PadRight(columns[i]));
            }
            text.AppendLine(" |");
        }
        Console.WriteLine(text.ToString());
        Console.WriteLine($"INVALID = the generator used more than {maxGeneratorCpu}% of its core or its 10 ms timer " +
            "ran more than " +
            $"{maxDelayMs} ms late at p99: the numbers then describe the generator, not the server.");
    }

    /// <summary>Per insert, for each kind of server thread (see <see cref="ThreadKinds"/>).</summary>
    private static string ByThread(CompareRun.Result r, Func<ThreadKinds.Usage, double> value, string format) =>
        string.Join(" / ", ThreadKinds.All.Select(k => F(value(r.Threads[k]) / Math.Max(1, r.Inserts), format)));

    private static string Verdict(CompareRun.Result r, double maxGeneratorCpu, double maxDelayMs)
    {
        var cpu = r.Generator.Cpu.TotalSeconds / r.Seconds * 100;
        var delay = Quantile(r.Delays, 0.99);
        return cpu > maxGeneratorCpu ? $"INVALID (generator {cpu:0}% CPU)"
            : delay > maxDelayMs ? $"INVALID (generator {delay:0.0} ms late)"
            : !r.Converged ? "INVALID (diverged)" : "valid";
    }

    /// <summary>Mean messages received in the timer's windows that ran late (over the limit) and in the others.
    /// </summary>
    private static string Burst((double Delay, long Messages)[] windows, double maxDelayMs)
    {
        var late = windows.Where(w => w.Delay > maxDelayMs).ToArray();
        var onTime = windows.Where(w => w.Delay <= maxDelayMs).ToArray();
        static string Mean((double, long Messages)[] w) => w.Length == 0 ? "-" : F(w.Average(x => x.Messages), "0");
        return windows.Length == 0 || windows.All(w => w.Messages < 0) ? "-"
            : $"{Mean(late)} ({late.Length}) / {Mean(onTime)} ({onTime.Length})";
    }

    private static string Latency(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? "-"
            : $"{Q(sorted, 0.5)} / {Q(sorted, 0.95)} / {Q(sorted, 0.99)} / {Q(sorted, 1)}";
    }

    private static string Q(double[] samples, double q) => F(Quantile(samples, q), "0.00");

    private static double Quantile(double[] samples, double q)
    {
        if (samples.Length == 0)
        {
            return double.NaN;
        }
        var sorted = IsSorted(samples) ? samples : samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static bool IsSorted(double[] samples)
    {
        for (var i = 1; i < samples.Length; i++)
        {
            if (samples[i] < samples[i - 1])
            {
                return false;
            }
        }
        return true;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
