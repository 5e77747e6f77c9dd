using System.Diagnostics;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// The adaptive window (<see cref="DocumentOptions.AdaptiveWindow"/>): a lone row waits for a second one only while
/// rows come often. At 10 documents x 5 typists a commit holds about one row, so each insert pays its own fsync (~100+
/// µs of CPU on the test VM, RESULTS-load.md); a fixed window gathered rows but made every edit wait, also a lone
/// typist's. Ending the wait at the second row is the cheapest gathering there is: with rows a gap g apart on average,
/// each commit saved costs the rows about g of waiting in all, whatever the window, while a wait for k rows costs k/2
/// gaps per commit saved. With gaps longer than four windows a second row seldom comes in time, so nothing waits.
/// </summary>
public sealed partial class OperationWriter
{
    /// <summary>Rows come often enough to wait when their mean gap is at most this many windows.</summary>
    private const int GapsPerWindow = 4;

    /// <summary>A long pause counts as this many windows in the mean gap, so typing after it soon counts again.</summary>
    private const int LongestGapInWindows = 16;

    /// <summary>When the latest row was queued (Stopwatch ticks). Guarded by _gate, like the four fields below.</summary>
    private long _lastQueuedAt;

    /// <summary>When the queue's oldest row was queued: the window is counted from there.</summary>
    private long _headQueuedAt;

    /// <summary>Mean gap between queued rows (Stopwatch ticks, moving average over about 8 rows).</summary>
    private long _meanGap = long.MaxValue / 2;

    /// <summary>Completed by the next row queued while the loop waits for a second row.</summary>
    private TaskCompletionSource? _companion;

    /// <summary>Times the loop waited for a second row (tests, diagnostics).</summary>
    internal long AdaptiveWaits { get; private set; }

    /// <summary>Of those, the times a second row came within the window.</summary>
    internal long AdaptiveGathered { get; private set; }

    /// <summary>
    /// Called under _gate before a row is queued: updates the mean gap, and returns the waiting loop's completion when
    /// this row is the second in the queue.
    /// </summary>
    private TaskCompletionSource? Arrived()
    {
        var now = Stopwatch.GetTimestamp();
        var longest = options.Value.AdaptiveWindow.Ticks * LongestGapInWindows * Stopwatch.Frequency
            / TimeSpan.TicksPerSecond;
        _meanGap += (Math.Min(now - _lastQueuedAt, longest) - _meanGap) / 8;
        _lastQueuedAt = now;
        if (_queue.Count == 0)
        {
            _headQueuedAt = now;
            return null;
        }
        var companion = _companion;
        _companion = null;
        return companion;
    }

    /// <summary>
    /// Before the loop's commit: waits for a second row when only one is queued, rows have lately come often, and the
    /// lone row was queued less than a window ago; returns at once otherwise.
    /// </summary>
    private async Task GatherAsync(CancellationToken token)
    {
        if (Wait() is not var (companion, wait))
        {
            return;
        }
        AdaptiveWaits++;
        await companion.Task.WaitAsync(wait, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            _companion = null;
        }
        token.ThrowIfCancellationRequested();
        if (companion.Task.IsCompleted)
        {
            AdaptiveGathered++;
        }
    }

    private (TaskCompletionSource Companion, TimeSpan Wait)? Wait()
    {
        var window = options.Value.AdaptiveWindow;
        lock (_gate)
        {
            var windowTicks = window.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
            if (_queue.Count != 1 || _meanGap > windowTicks * GapsPerWindow)
            {
                return null;
            }
            var left = window - Stopwatch.GetElapsedTime(_headQueuedAt);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }
            // The timer counts whole milliseconds and would end a shorter wait at once.
            var wait = TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds));
            _companion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return (_companion, wait);
        }
    }
}
