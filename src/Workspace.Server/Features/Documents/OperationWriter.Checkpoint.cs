using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// The background WAL checkpoint: on a thread of its own, at a lower CPU priority than the threads that serve edits.
/// </summary>
public sealed partial class OperationWriter
{
    /// <summary>The checkpoint thread's name (the OS sees it too: tests find the thread by it).</summary>
    internal const string CheckpointThreadName = "WAL checkpoint";

    /// <summary>
    /// The checkpoint thread's Linux nice value. A checkpoint copies a second of commits into the database file: at
    /// 50 documents x 5 typists ~10 ms of pread/pwrite, all CPU, once a second. On the thread pool at normal priority
    /// it took the server's one core from the threads reading sockets and committing edits, and the edits that arrived
    /// meanwhile were the slowest of all (about half of the slowest 1 %, RESULTS-load.md). At nice 10 the scheduler
    /// gives it the core only when edits leave it idle (a tenth of it when they do not), so it still finishes every
    /// second under full load.
    /// </summary>
    internal const int CheckpointNice = 10;

    /// <summary>
    /// Starts the checkpoint loop on its own thread; the task completes when the loop has ended. Its own thread, not
    /// the pool's: its statements block for the whole copy (SQLite has no asynchronous I/O), and its lower priority
    /// must not stay with a pool thread that later runs other work.
    /// </summary>
    private Task StartCheckpoints(CancellationToken stoppingToken)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                LowerOwnPriority();
                RunCheckpoints(stoppingToken);
            }
            finally
            {
                ended.TrySetResult();
            }
        })
        { IsBackground = true, Name = CheckpointThreadName };
        thread.Start();
        return ended.Task;
    }

    /// <summary>
    /// Copies the SQLite WAL into the database file every second, off the commit path, while the writer commits. Once
    /// the writer has been idle for a whole period, the WAL is also truncated to zero bytes: passive checkpoints never
    /// shrink the file, and a reader that was busy when one ran keeps the WAL from being reused, so without this it
    /// grows with every burst.
    /// </summary>
    private void RunCheckpoints(CancellationToken stoppingToken)
    {
        long seen = -1;
        while (!stoppingToken.WaitHandle.WaitOne(options.Value.CheckpointInterval))
        {
            var commits = Interlocked.Read(ref _commitsSinceTruncate);
            if (commits == 0)
            {
                // Nothing written since the WAL was truncated: no connection, no statement, no disk access. An idle
                // server then wakes here once a second and nothing more (other connections checkpoint themselves).
                continue;
            }
            try
            {
                using var db = dbs.CreateDbContext();
                if (!db.Database.IsSqlite())
                {
                    return;
                }
                var idle = commits == seen;
                seen = commits;
                // TRUNCATE waits for readers only through a busy handler, and these connections have none (the
                // provider retries failed statements itself; a checkpoint that cannot finish is no failure): with a
                // reader present it does what PASSIVE does and gives way at once. WalCheckpointTests holds a reader.
                Interlocked.Increment(ref _checkpoints);
                if (idle)
                {
                    db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
                }
                else
                {
                    CopyUntilLittleIsLeft(db);
                }
                if (Interlocked.Read(ref _commitsSinceTruncate) != commits)
                {
                    // Commits landed while it copied: the WAL cannot start over until those are copied too, which
                    // the writer does between two of its commits (see FinishCheckpointAsync).
                    _finishCheckpoint = true;
                }
                var wal = marker.DatabasePath is null ? null : new FileInfo(marker.DatabasePath + "-wal");
                if (idle && wal is null or { Exists: false } or { Length: 0 })
                {
                    Interlocked.Add(ref _commitsSinceTruncate, -commits);
                    seen = -1;
                }
            }
            catch (Exception ex)
            {
                // Whatever it was, not on this thread: an exception left unhandled here would end the process.
                log.LogWarning(ex, "WAL checkpoint failed; retrying in a second.");
            }
        }
    }

    /// <summary>Passive copies the background loop ran, each a statement (tests, diagnostics).</summary>
    internal long CheckpointPasses => Interlocked.Read(ref _checkpointPasses);

    private long _checkpointPasses;

    /// <summary>A pass that copied at most this many WAL frames (4 KB pages) ends the background round.</summary>
    private const long FewFrames = 64;

    /// <summary>
    /// Passive copies until one had little to copy (at most 4): what commits added during a second's copy (at 50 x 5,
    /// ~20 ms) is copied again here, and again, instead of being left to the writer's own checkpoint, which holds
    /// every commit while it runs (7 ms at a time, once a second, RESULTS-load.md). Each pass copies only committed,
    /// synced frames and syncs the database file, as any checkpoint does.
    /// </summary>
    private void CopyUntilLittleIsLeft(WorkspaceDb db)
    {
        db.Database.OpenConnection();
        var connection = db.Database.GetDbConnection();
        long before = -1;
        for (var pass = 0; pass < 4; pass++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var reader = command.ExecuteReader();
            Interlocked.Increment(ref _checkpointPasses);
            // busy, frames in the WAL (when the pass began), frames copied. Busy: another checkpoint runs.
            if (!reader.Read() || reader.GetInt64(0) != 0)
            {
                return;
            }
            var log = reader.GetInt64(1);
            var copied = before < 0 ? long.MaxValue : log - before;
            before = log;
            if (copied <= FewFrames)
            {
                return;
            }
        }
    }

    /// <summary>Lowers the calling thread's CPU priority (Linux only; elsewhere it keeps the normal one).</summary>
    private void LowerOwnPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        // On Linux the nice value belongs to the thread: PRIO_PROCESS with a thread id changes that thread alone.
        if (SetPriority(PrioProcess, GetThreadId(), CheckpointNice) != 0)
        {
            log.LogWarning("Could not lower the WAL checkpoint thread's priority (errno {Error}).",
                Marshal.GetLastPInvokeError());
        }
    }

    private const int PrioProcess = 0;

    // DllImport, not LibraryImport: ints only, nothing to marshal, and no unsafe code in the project for two calls.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
#pragma warning restore SYSLIB1054
}
