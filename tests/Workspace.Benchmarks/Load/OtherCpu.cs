using System.Diagnostics;
using System.Globalization;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// How much CPU processes other than the run's own used during a window: the machine's busy time from /proc/stat
/// (user, nice, system and steal over all cores) minus the CPU of the run's own processes (/proc/PID/stat utime +
/// stime). The load average cannot tell this: a run's own thousands of clients and the previous run keep it high
/// on an otherwise idle machine. Interrupt time (irq, softirq) counts as busy: the kernel lists it apart in
/// /proc/stat but also charges it to the process that was running (measured: without it "others" came out at minus
/// the interrupt time on a quiet machine); in these runs it is mostly the run's own loopback traffic.
/// </summary>
public sealed class OtherCpu
{
    private readonly int[] _own;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Machine _machineAtStart;
    private readonly long _ownAtStart;

    private OtherCpu(int[] own)
    {
        _own = own;
        _machineAtStart = Machine.Read();
        _ownAtStart = OwnTicks();
    }

    /// <summary>Starts a window; <paramref name="own"/> are the run's processes (server, generator, probe).</summary>
    public static OtherCpu Start(params int[] own) => new(own);

    /// <summary>The window so far.</summary>
    public Reading Read()
    {
        var machine = Machine.Read();
        var own = OwnTicks() - _ownAtStart;
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        return new Reading(seconds, Environment.ProcessorCount, (machine.Busy - _machineAtStart.Busy - own) / Hz,
            own / Hz, (machine.Interrupts - _machineAtStart.Interrupts) / Hz,
            (machine.Steal - _machineAtStart.Steal) / Hz);
    }

    private long OwnTicks() => _own.Sum(ProcessTicks);

    /// <summary>utime + stime of one process (its ended threads included), 0 once it has gone.</summary>
    private static long ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture)
                + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Clock ticks per second of /proc (USER_HZ: 100 on Linux, whatever the kernel's own tick rate).</summary>
    private const double Hz = 100;

    private readonly record struct Machine(long Busy, long Interrupts, long Steal)
    {
        /// <summary>The first line of /proc/stat: user nice system idle iowait irq softirq steal (ticks).</summary>
        public static Machine Read()
        {
            var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return new Machine(f[0] + f[1] + f[2] + f[5] + f[6] + f[7], f[5] + f[6], f[7]);
        }
    }

    /// <summary>
    /// CPU-seconds over <see cref="Seconds"/> of wall time on <see cref="Cores"/> cores. Both sides are counted in
    /// 10 ms ticks, so <see cref="Others"/> can come out a few hundredths below zero on a quiet machine.
    /// </summary>
    public readonly record struct Reading(
        double Seconds, int Cores, double Others, double Own, double Interrupts, double Steal)
    {
        /// <summary>Others' CPU as a share of all the machine's cores over the window.</summary>
        public double OthersShare => Seconds <= 0 ? 0 : Math.Max(0, Others) / (Seconds * Cores);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"over {Seconds:0.0} s other processes used {Others:0.00} CPU-s ({OthersShare:0.0%} of the "
            + $"{Cores} cores; steal by other machines {Steal:0.00} s included), this run's processes {Own:0.00} s, "
            + $"interrupts {Interrupts:0.00} s (in the busy time; mostly this run's own loopback traffic)");
    }
}
