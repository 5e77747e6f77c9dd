using System.Threading.Channels;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Who commits. One committer at a time (the writer's connection is single-user): either a caller that found no
/// commit running ("leading": it commits its own row on its own thread), or the writer's loop, which a leading caller
/// or the first queued row hands the queue to and which commits until the queue is empty. So at low load a lone op
/// costs no wake-up of the loop and no hop back to its grain, and under load rows still gather into one commit.
/// </summary>
public sealed partial class OperationWriter
{
    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    /// <summary>
    /// One item per hand-over of the queue to the loop (never more than one pending). A channel, as the writer's queue
    /// was before: a SemaphoreSlim waited for with a token wraps each wait in another task and cost more per wake.
    /// </summary>
    private readonly Channel<bool> _handOver =
        Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true });
    /// <summary>
    /// A committer is at work; every queued row is its to commit (or the loop's, once handed over). Guarded by _gate.
    /// </summary>
    private bool _busy;
    private bool _closed;
    private long _led;
    private long _commitTicks;
    private long _handOvers;

    /// <summary>Writes committed by their own caller (tests and diagnostics).</summary>
    internal long LedCommits => Interlocked.Read(ref _led);

    /// <summary>Times the queue was handed to the writer's loop, each a wake-up of it (tests, diagnostics).</summary>
    internal long HandOvers => Interlocked.Read(ref _handOvers);

    /// <summary>
    /// How long the latest commit took, from its first row to the end of its fsync. A document whose next op comes
    /// sooner than this after its last one was stored is busy: it should let its op be queued, not lead (see
    /// <see cref="DocumentGrain"/>).
    /// </summary>
    public TimeSpan LastCommitTook => TimeSpan.FromTicks(Volatile.Read(ref _commitTicks));

    /// <summary>Whether a commit is running or rows wait for one (tests).</summary>
    internal bool Busy
    {
        get
        {
            lock (_gate)
            {
                return _busy;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="write"/>, or returns true when the caller is to commit it itself: no commit is running,
    /// so nothing is queued ahead of it (and <see cref="DocumentOptions.CallerCommits"/> is on). A caller leads only
    /// when the commit completes synchronously: SQLite
    /// (Microsoft.Data.Sqlite's async methods run synchronously) on a connection already open, and no batch window
    /// (a window asks for rows to be gathered). PostgreSQL's commits are truly asynchronous and stay on the loop.
    /// </summary>
    private bool Enqueue(PendingWrite write, bool mayLead)
    {
        bool wake;
        lock (_gate)
        {
            if (_closed)
            {
                throw new InvalidOperationException("The server is shutting down.");
            }
            if (mayLead && !_busy && _store is { Synchronous: true } && options.Value.CallerCommits
                && options.Value.BatchWindow == TimeSpan.Zero)
            {
                _busy = true;
                return true;
            }
            _queue.Enqueue(write);
            wake = !_busy;
            _busy = true;
        }
        if (wake)
        {
            Wake();
        }
        return false;
    }

    /// <summary>
    /// Commits the caller's own row. Only its own: its task has no continuation yet, so nothing of anyone else runs
    /// inside the caller's turn, and no completion can start another commit from in here. Rows queued meanwhile are
    /// handed to the loop.
    /// </summary>
    private void Lead(PendingWrite write)
    {
        Interlocked.Increment(ref _led);
        var commit = CommitAsync([write]);
        if (commit.IsCompleted)
        {
            HandOver();
        }
        else
        {
            // Not expected with SQLite; if it ever happens the commit still ends before anyone else commits.
            commit.ContinueWith(_ => HandOver(), CancellationToken.None, TaskContinuationOptions.None,
                TaskScheduler.Default);
        }
    }

    /// <summary>
    /// After a caller's commit: the loop takes what was queued meanwhile (or all at shutdown), and finishes a
    /// checkpoint at once when one waits for it: with every op committed by its caller the loop would otherwise never
    /// run, and the WAL would never start over while typing went on.
    /// </summary>
    private void HandOver()
    {
        lock (_gate)
        {
            if (_queue.Count == 0 && !_closed && !_finishCheckpoint)
            {
                _busy = false;
                return;
            }
        }
        Wake();
    }

    private void Wake()
    {
        Interlocked.Increment(ref _handOvers);
        _handOver.Writer.TryWrite(true);
    }

    /// <summary>
    /// The loop commits until the queue is empty, then lets the next caller lead. At shutdown (<paramref name="token"/>
    /// cannot be cancelled) everything left goes into one last commit and no caller leads again.
    /// </summary>
    private async Task DrainAsync(CancellationToken token)
    {
        var stopping = !token.CanBeCanceled;
        var max = stopping ? int.MaxValue : options.Value.MaxBatchSize;
        var window = options.Value.BatchWindow;
        var batch = new List<PendingWrite>();
        while (true)
        {
            bool finish;
            lock (_gate)
            {
                finish = _queue.Count == 0 && _finishCheckpoint && !stopping;
                if (_queue.Count == 0 && !finish)
                {
                    _busy = stopping;
                    return;
                }
            }
            if (finish)
            {
                await FinishCheckpointAsync();
                continue;
            }
            if (!stopping && window > TimeSpan.Zero)
            {
                await Task.Delay(window, token);
            }
            lock (_gate)
            {
                while (batch.Count < max && _queue.TryDequeue(out var write))
                {
                    batch.Add(write);
                }
            }
            await CommitAsync(batch);
            batch.Clear();
            if (_finishCheckpoint && !stopping)
            {
                await FinishCheckpointAsync();
            }
        }
    }

    /// <summary>
    /// Refuses writes from now on. True when a caller is still committing its own row: the loop then waits for it to
    /// hand over before the last commit.
    /// </summary>
    private bool Close(bool handedOver)
    {
        lock (_gate)
        {
            _closed = true;
            var wait = !handedOver && _busy;
            _busy = true;
            return wait;
        }
    }
}
