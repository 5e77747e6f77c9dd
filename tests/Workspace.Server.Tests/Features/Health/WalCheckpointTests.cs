using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Health;

/// <summary>The SQLite WAL is truncated once the writer goes idle, and trying to never holds up an edit.</summary>
public sealed class WalCheckpointTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task WalShrinksToNothingAfterABurstOnceTheWriterIsIdle()
    {
        await using var factory = new WorkspaceFactory();
        var owner = await factory.SignUpAsync("Burst", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var wal = new FileInfo(Path.Combine(factory.DataDirectory, "workspace.db-wal"));

        for (var i = 0; i < 200; i++)
        {
            session.Insert(session.Length, $"line {i} of a burst of edits\n");
            await SyncedAsync(session, _ct);
        }
        wal.Refresh();
        Assert.True(wal.Exists && wal.Length > 100_000, $"the burst left {(wal.Exists ? wal.Length : 0)} bytes of WAL");

        await EventuallyAsync(
            () => { wal.Refresh(); return !wal.Exists || wal.Length == 0; },
            TimeSpan.FromSeconds(10),
            "the WAL is truncated",
            _ct);

        // A reader holding a snapshot keeps the WAL from being truncated; the attempt must not stall the writer.
        await using var reader = new SqliteConnection($"Data Source={wal.FullName[..^4]};Pooling=false");
        await reader.OpenAsync(_ct);
        await using var transaction = reader.BeginTransaction(deferred: true); // a reader: BEGIN, not BEGIN IMMEDIATE
        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM DocumentOperations;";
            await read.ExecuteScalarAsync(_ct);
        }
        session.Insert(0, "after the burst\n");
        await SyncedAsync(session, _ct);
        await Task.Delay(2500, _ct); // the writer is idle: a truncating checkpoint is tried and must give way
        var timer = Stopwatch.StartNew();
        session.Insert(0, "while a reader waits\n");
        await SyncedAsync(session, _ct);
        // A stall would last the connection's busy timeout (30 s by default); 10 s leaves room for a loaded machine.
        Assert.True(
            timer.ElapsedMilliseconds < 10_000,
            $"an edit took {timer.ElapsedMilliseconds} ms while the checkpoint waited for a reader");
        await connection.DisposeAsync();
    }
}
