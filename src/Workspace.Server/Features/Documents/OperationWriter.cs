using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;
using Workspace.Server.Features.Health;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Group commit: every document grain hands its rows to this one writer, which inserts everything queued
/// in a single transaction and then completes each caller's task. Under load a commit carries hundreds of
/// operations, so durability costs one fsync (or WAL append) per batch instead of one per keystroke. A row that finds
/// no commit running is committed by its caller at once (see OperationWriter.Leader.cs).
/// </summary>
public sealed partial class OperationWriter(
    IDbContextFactory<WorkspaceDb> dbs,
    IOptions<DocumentOptions> options,
    CommitMarker marker,
    ILogger<OperationWriter> log) : BackgroundService
{
    /// <summary>Which activation of which document queued a row (rows of other tables have none).</summary>
    private readonly record struct Lineage(Guid DocumentId, Guid Activation);

    private sealed record PendingWrite(object Row, Lineage? Lineage, TaskCompletionSource Done);

    /// <summary>Deletes the row with <paramref name="Row"/>'s primary key, in queue order like an insert.</summary>
    public sealed record Removal(object Row);

    /// <summary>
    /// Activations whose write failed. A grain applies revision r+1 before r's write is known to have failed, so once
    /// r fails nothing later of that activation may be stored, whichever batch it is in, or the log would have a gap.
    /// A new activation reloads from the database and writes under a new id. One small entry per failed write (rare),
    /// never removed: a late snapshot of the failed activation must stay refused however long it was queued.
    /// </summary>
    private readonly HashSet<Lineage> _failed = [];

    /// <summary>Batches committed so far (for diagnostics and tests).</summary>
    public long Batches { get; private set; }

    private RowStore? _store;
    private long _rows;
    private double _commitMs;
    private double _maxCommitMs;
    private long _reportedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    /// <summary>Commits since the WAL was last truncated (the writer adds, the checkpoint loop subtracts).</summary>
    private long _commitsSinceTruncate;

    /// <summary>Checkpoint statements run so far (tests check that an idle writer runs none).</summary>
    internal long Checkpoints => Interlocked.Read(ref _checkpoints);

    private long _checkpoints;

    /// <summary>Whether the writer holds its connection open (it closes it when it stops; tests check).</summary>
    internal bool HoldsConnection => _store is not null;

    /// <summary>
    /// Completes once <paramref name="row"/> is committed; faults when the write failed, or when an earlier write of
    /// the same <paramref name="activation"/> of its document failed. When no commit is running (SQLite, no batch
    /// window) and <paramref name="mayLead"/> is set, the caller commits the row itself, here on its own thread, and
    /// gets a completed task: a grain's <c>await</c> then goes on in the same turn, with no wake of the writer and no
    /// hop back to the grain. Otherwise
    /// the row is queued for the writer's loop, which commits everything queued at once and completes each task inline
    /// (a grain's <c>await</c> posts to its activation's scheduler anyway, so that saves a thread-pool hop per op).
    /// Await it from a grain (or with <c>ConfigureAwait(ConfigureAwaitOptions.ForceYielding)</c>) — a continuation
    /// without a scheduler would run on the writer and delay the next commit.
    /// </summary>
    public Task WriteAsync(object row, Guid activation, bool mayLead = true)
    {
        var document = row switch
        {
            DocumentOperation o => o.DocumentId,
            DocumentSnapshot s => s.DocumentId,
            Removal { Row: DocumentSnapshot s } => s.DocumentId,
            _ => (Guid?)null,
        };
        var lineage = document is { } d ? new Lineage(d, activation) : (Lineage?)null;
        var write = new PendingWrite(row, lineage, new TaskCompletionSource());
        if (Enqueue(write, mayLead))
        {
            Lead(write);
        }
        return write.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkpoints = StartCheckpoints(stoppingToken);
        var handedOver = false;
        try
        {
            while (true)
            {
                await _handOver.Reader.ReadAsync(stoppingToken);
                handedOver = true;
                await DrainAsync(stoppingToken);
                handedOver = false;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is already queued still gets written, once a caller's own commit has ended.
            if (Close(handedOver))
            {
                await _handOver.Reader.ReadAsync(CancellationToken.None);
            }
            await DrainAsync(CancellationToken.None);
        }
        finally
        {
            // The writer alone uses its connection, so it alone closes it, after its last commit. Not in StopAsync: a
            // host may call that twice at once (a test host does) or stop waiting for it (its shutdown timeout
            // elapsed) while a commit is still running.
            await DisposeStoreAsync();
        }
        await checkpoints.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>
    /// Set when the background checkpoint ran while the writer committed; cleared by the writer's own checkpoint.
    /// </summary>
    private volatile bool _finishCheckpoint;

    /// <summary>Checkpoints the writer ran on its own connection between two commits (tests, diagnostics).</summary>
    internal long WriterCheckpoints { get; private set; }

    /// <summary>
    /// Copies what the background checkpoint could not (the frames committed while it ran) on the writer's own
    /// connection, between two of its commits, after the last batch was acknowledged. The WAL starts over from its
    /// beginning only at a commit that finds every frame copied, and a checkpoint beside a writer that never pauses
    /// (200 documents x 5 typists) is always behind: the WAL then grew by every page of every commit (~8 KB per insert,
    /// hundreds of MB) and each commit wrote into new blocks of the file, which the file system first allocates and
    /// zeroes (a quarter of the server's CPU in pwrite at that load; RESULTS-load.md). Here nothing commits meanwhile,
    /// so the copy ends at the last frame and the next commit writes over the start of the WAL (blocks already there).
    /// Durability is unchanged: frames are copied only once committed and synced, and the database file is synced
    /// before the WAL is reused. A failed checkpoint fails no write; the next one tries again.
    /// </summary>
    private async Task FinishCheckpointAsync()
    {
        _finishCheckpoint = false;
        if (_store is not { Synchronous: true } store)
        {
            return;
        }
        try
        {
            await store.CopyWalAsync();
            WriterCheckpoints++;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "The writer's WAL checkpoint failed; the next one tries again.");
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        batch.RemoveAll(RefusedAfterFailure);
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await SaveAsync(batch.ConvertAll(w => w.Row));
            Batches++;
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Volatile.Write(ref _commitTicks, took.Ticks);
            Report(batch.Count, took.TotalMilliseconds);
            foreach (var write in batch)
            {
                write.Done.TrySetResult();
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad row must not fail its neighbours: retry each on its own.
            log.LogWarning(ex, "A batch of {Count} writes failed; retrying them one by one.", batch.Count);
            foreach (var write in batch)
            {
                if (RefusedAfterFailure(write))
                {
                    continue;
                }
                try
                {
                    await SaveAsync([write.Row]);
                    write.Done.TrySetResult();
                }
                catch (Exception single)
                {
                    Fail(write, single);
                }
            }
        }
        catch (Exception ex)
        {
            Fail(batch[0], ex);
        }
    }

    private void Fail(PendingWrite write, Exception ex)
    {
        if (write.Lineage is { } lineage)
        {
            _failed.Add(lineage);
        }
        write.Done.TrySetException(ex);
    }

    private bool RefusedAfterFailure(PendingWrite write)
    {
        if (write.Lineage is not { } lineage || !_failed.Contains(lineage))
        {
            return false;
        }
        write.Done.TrySetException(new InvalidOperationException(
            "An earlier write of this document failed; it is reloaded before anything more is stored."));
        return true;
    }

    /// <summary>
    /// Every 10 s of activity: how many batches, rows per batch and commit times (Information level).
    /// </summary>
    private void Report(int rows, double ms)
    {
        _rows += rows;
        _commitMs += ms;
        _maxCommitMs = Math.Max(_maxCommitMs, ms);
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_reportedAt) < TimeSpan.FromSeconds(10))
        {
            return;
        }
        log.LogInformation(
            "Group commit: {Batches} batches, {Rows} rows ({PerBatch:0.0}/batch), {Led} committed by their caller, "
                + "{HandOvers} hand-overs to the writer, commit avg {Avg:0.00} ms, max {Max:0.00} ms, "
            + "{Checkpoints} checkpoints finished by the writer.",
            Batches, _rows, (double)_rows / Batches, LedCommits, HandOvers, _commitMs / Batches, _maxCommitMs,
            WriterCheckpoints);
        _reportedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> in one transaction on the writer's own connection, with plain ADO.NET commands
    /// built from the EF model (table, columns and EF's own type mappings, so values are stored exactly as EF stores
    /// them and read back by EF queries). No change tracker, no context per batch, no per-batch PRAGMA: a batch of
    /// ten ops costs tens of microseconds instead of a SaveChanges. SQLite reuses one prepared single-row INSERT per
    /// table (a statement step per row is the cheapest way in); other providers (PostgreSQL) get one multi-row INSERT
    /// per table and chunk, so a batch is a single round trip.
    /// </summary>
    private async Task SaveAsync(IReadOnlyList<object> rows)
    {
        try
        {
            var store = _store ??= await RowStore.OpenAsync(dbs, options.Value);
            await store.InsertAsync(rows);
            Interlocked.Increment(ref _commitsSinceTruncate);
            marker.Committed(rows);
        }
        catch
        {
            // The connection may be unusable (or mid-transaction): start over with a fresh one next time.
            await DisposeStoreAsync();
            throw;
        }
    }

    private async Task DisposeStoreAsync()
    {
        var store = _store;
        _store = null;
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }
}
