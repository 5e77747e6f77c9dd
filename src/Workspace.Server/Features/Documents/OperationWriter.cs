using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Group commit: every document grain hands its rows to this one writer, which inserts everything queued
/// in a single transaction and then completes each caller's task. Under load a commit carries hundreds of
/// operations, so durability costs one fsync (or WAL append) per batch instead of one per keystroke.
/// </summary>
public sealed class OperationWriter(
    IDbContextFactory<WorkspaceDb> dbs,
    IOptions<DocumentOptions> options,
    ILogger<OperationWriter> log) : BackgroundService
{
    private sealed record PendingWrite(object Row, TaskCompletionSource Done);

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Batches committed so far (for diagnostics and tests).</summary>
    public long Batches { get; private set; }

    private long _rows;
    private double _commitMs;
    private double _maxCommitMs;
    private long _reportedAt = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Completes once <paramref name="row"/> is committed; faults when the write failed.</summary>
    public Task WriteAsync(object row)
    {
        var write = new PendingWrite(row, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The server is shutting down.");
        }
        return write.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkpoints = CheckpointAsync(stoppingToken);
        var batch = new List<PendingWrite>();
        var max = options.Value.MaxBatchSize;
        var window = options.Value.BatchWindow;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                if (window > TimeSpan.Zero)
                {
                    await Task.Delay(window, stoppingToken);
                }
                while (batch.Count < max && _queue.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }
                await CommitAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is already queued still gets written.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            await CommitAsync(batch);
        }
        await checkpoints.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Copies the SQLite WAL into the database file every second, off the commit path.</summary>
    private async Task CheckpointAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                if (!db.Database.IsSqlite())
                {
                    return;
                }
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "WAL checkpoint failed; retrying in a second.");
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await SaveAsync(batch.Select(w => w.Row));
            Batches++;
            Report(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var write in batch)
            {
                write.Done.TrySetResult();
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad row must not fail its neighbours: retry each on its own.
            log.LogWarning(ex, "A batch of {Count} writes failed; retrying them one by one.", batch.Count);
            // After a document's row fails, its later rows fail too: committing them would leave a gap in its log.
            var failedDocuments = new HashSet<Guid>();
            foreach (var write in batch)
            {
                var document = write.Row switch { DocumentOperation o => o.DocumentId, DocumentSnapshot s => s.DocumentId, _ => Guid.Empty };
                if (failedDocuments.Contains(document))
                {
                    write.Done.TrySetException(new InvalidOperationException("An earlier write of this document failed."));
                    continue;
                }
                try
                {
                    await SaveAsync([write.Row]);
                    write.Done.TrySetResult();
                }
                catch (Exception single)
                {
                    failedDocuments.Add(document);
                    write.Done.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
        }
    }

    /// <summary>Every 10 s of activity: how many batches, rows per batch and commit times (Information level).</summary>
    private void Report(int rows, double ms)
    {
        _rows += rows;
        _commitMs += ms;
        _maxCommitMs = Math.Max(_maxCommitMs, ms);
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_reportedAt) < TimeSpan.FromSeconds(10))
        {
            return;
        }
        log.LogInformation("Group commit: {Batches} batches, {Rows} rows ({PerBatch:0.0}/batch), commit avg {Avg:0.00} ms, max {Max:0.00} ms.",
            Batches, _rows, (double)_rows / Batches, _commitMs / Batches, _maxCommitMs);
        _reportedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    private async Task SaveAsync(IEnumerable<object> rows)
    {
        await using var db = await dbs.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        if (options.Value.SqliteSynchronousNormal && db.Database.IsSqlite())
        {
            // Per connection, so set on every batch (it costs microseconds). See DocumentOptions.
            await db.Database.OpenConnectionAsync();
            // Checkpoints (which do fsync) run beside the writer, in CheckpointAsync, not inside a commit.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;");
        }
        foreach (var row in rows)
        {
            db.Add(row);
        }
        await db.SaveChangesAsync();
    }
}
