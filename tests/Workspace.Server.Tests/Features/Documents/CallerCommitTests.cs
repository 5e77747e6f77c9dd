using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Health;
using Workspace.Server.Infrastructure;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// Who commits an op: at low load its own caller, on its own thread (no wake-up of the writer, no hop back to the
/// grain); a write arriving while a commit runs is queued and shares the next commit with the others queued beside it.
/// </summary>
public sealed class CallerCommitTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>
    /// Callers commit, and no background checkpoint runs while a test counts: one that copied while a commit landed
    /// hands its end to the writer's loop (a hand-over and a batch these tests did not cause; seen once under load).
    /// </summary>
    private static WorkspaceFactory CallerCommitting() => new WorkspaceFactory()
        .With("Documents:CallerCommits", "true")
        .With("Documents:CheckpointInterval", NoCheckpoint.ToString());

    private static readonly TimeSpan NoCheckpoint = TimeSpan.FromHours(1);

    [Fact]
    public async Task ALoneWriteIsCommittedByItsCallerBeforeWriteAsyncReturns()
    {
        await using var factory = CallerCommitting();
        var (writer, dbs) = await StartWriterAsync(factory);
        var document = Guid.NewGuid();
        await writer.WriteAsync(Op(document, 1), Guid.Empty); // opens the writer's connection
        await EventuallyAsync(() => !writer.Busy, TimeSpan.FromSeconds(10), "the writer is idle", _ct);
        var handOvers = writer.HandOvers;

        var write = writer.WriteAsync(Op(document, 2), Guid.Empty);

        Assert.True(write.IsCompletedSuccessfully, "the caller's own write was not committed when WriteAsync returned");
        Assert.Equal(handOvers, writer.HandOvers); // the writer's loop was not woken
        await using (var db = await dbs.CreateDbContextAsync(_ct))
        {
            Assert.True(await db.Set<DocumentOperation>().AnyAsync(
                o => o.DocumentId == document && o.Revision == 2, _ct), "the row is not in the database");
        }
        await writer.StopAsync(_ct);
    }

    [Fact]
    public async Task EditsTypedOneAfterAnotherAreCommittedByTheirCallers()
    {
        await using var factory = CallerCommitting();
        var owner = await factory.SignUpAsync("Lone typist", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var writer = factory.Services.GetRequiredService<OperationWriter>();
        session.Insert(0, "first\n"); // the first write opens the writer's connection, on the writer's loop
        await SyncedAsync(session, _ct);
        await EventuallyAsync(() => !writer.Busy, TimeSpan.FromSeconds(10), "the writer is idle", _ct);
        var (handOvers, led) = (writer.HandOvers, writer.LedCommits);

        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(10, _ct); // faster than anyone types, slower than an op waiting for the one before
            session.Insert(session.Length, $"edit {i}\n");
            await SyncedAsync(session, _ct);
        }

        Assert.Equal(handOvers, writer.HandOvers);
        Assert.Equal(led + 20, writer.LedCommits);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task WritesArrivingWhileACallerCommitsShareTheNextCommit()
    {
        await using var factory = CallerCommitting();
        var (writer, dbs) = await StartWriterAsync(factory);
        var slow = Guid.NewGuid();
        await writer.WriteAsync(Op(slow, 1), Guid.Empty); // opens the writer's connection
        await EventuallyAsync(() => !writer.Busy, TimeSpan.FromSeconds(10), "the writer is idle", _ct);
        await SlowDownRevisionAsync(factory, 2);
        var (batches, handOvers) = (writer.Batches, writer.HandOvers);

        var caller = Task.Run(() =>
        {
            var started = Stopwatch.StartNew();
            var write = writer.WriteAsync(Op(slow, 2), Guid.Empty);
            return (write.IsCompletedSuccessfully, started.Elapsed);
        }, _ct);
        await EventuallyAsync(() => writer.Busy, TimeSpan.FromSeconds(10), "the caller commits", _ct);
        var others = Enumerable.Range(101, 50)
            .Select(r => writer.WriteAsync(Op(Guid.NewGuid(), r), Guid.Empty)).ToList();
        var (committedOnReturn, took) = await caller;
        await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(30), _ct);

        Assert.True(committedOnReturn, "the caller's write was not committed when WriteAsync returned");
        Assert.True(took > TimeSpan.FromMilliseconds(100), $"the slow commit took only {took}: nothing overlapped it");
        // The caller's own commit, then one commit for the 50 queued behind it, by the loop woken once.
        Assert.Equal(batches + 2, writer.Batches);
        Assert.Equal(handOvers + 1, writer.HandOvers);
        await using var db = await dbs.CreateDbContextAsync(_ct);
        Assert.Equal(52, await db.Set<DocumentOperation>().CountAsync(_ct));
        await writer.StopAsync(_ct);
    }

    [Fact]
    public async Task OpsOfABusyDocumentStillShareCommits()
    {
        // On a loaded machine the grain's hand-over from one turn to the next alone can take longer than the default
        // quarter millisecond: a CI run then saw every op commit alone (12 ops, 12 commits). The gap allowed here
        // still tells a waiting op from one typed after its acknowledgement (these come 20 ms apart or more).
        await using var factory = CallerCommitting().With("Documents:QueuedGapMax", "00:00:00.010");
        var owner = await factory.SignUpAsync("Busy typists", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        var sessions = new List<Workspace.Client.CoEditingSession>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add((await OpenAsync(factory, owner, docId, _ct)).Session);
        }
        var writer = factory.Services.GetRequiredService<OperationWriter>();
        sessions[0].Insert(0, "start\n");
        await SyncedAsync(sessions[0], _ct);
        // Every op now takes a while to commit, so the three typists' ops come faster than they can be stored one
        // by one: committed each in its own turn of the grain they would queue up behind each other.
        await SlowDownRevisionAsync(factory, null);
        var batches = writer.Batches;
        var revision = await StoredRevisionsAsync(factory);

        for (var round = 0; round < 8; round++)
        {
            foreach (var session in sessions)
            {
                session.Insert(session.Length, "x");
            }
            await Task.Delay(20, _ct);
        }
        foreach (var session in sessions)
        {
            await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(60), _ct);
        }

        var ops = await StoredRevisionsAsync(factory) - revision;
        var commits = writer.Batches - batches;
        Assert.True(ops >= 6, $"only {ops} ops were stored");
        Assert.True(commits < ops, $"{ops} ops took {commits} commits: none shared one");
    }

    private async Task<long> StoredRevisionsAsync(WorkspaceFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync(_ct);
        return await db.Set<DocumentOperation>().CountAsync(_ct);
    }

    /// <summary>A writer of its own (the host's is idle: nothing else is edited), on the test's SQLite file.</summary>
    private async Task<(OperationWriter Writer, IDbContextFactory<WorkspaceDb> Dbs)> StartWriterAsync(
        WorkspaceFactory factory)
    {
        var dbs = factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
        var options = new DocumentOptions { CallerCommits = true, CheckpointInterval = NoCheckpoint };
        var writer = new OperationWriter(dbs, Options.Create(options),
            new CommitMarker(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres })),
            NullLogger<OperationWriter>.Instance);
        await writer.StartAsync(_ct);
        return (writer, dbs);
    }

    /// <summary>
    /// Inserting <paramref name="revision"/> (null: every one) takes a while (a trigger counting a large cross join).
    /// </summary>
    private async Task SlowDownRevisionAsync(WorkspaceFactory factory, long? revision)
    {
        await using var db = new SqliteConnection(
            $"Data Source={Path.Combine(factory.DataDirectory, "workspace.db")};Pooling=false");
        await db.OpenAsync(_ct);
        var rows = revision is null ? 700 : 3000; // ~20 ms for every op, or ~0.5 s for one
        await using var command = db.CreateCommand();
        command.CommandText = "CREATE TABLE SlowDown (X INTEGER);\n"
            + $"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {rows}) "
            + "INSERT INTO SlowDown SELECT x FROM n;\n"
            + "CREATE TRIGGER SlowRevision BEFORE INSERT ON DocumentOperations "
            + (revision is null ? "" : $"WHEN NEW.Revision = {revision}") + "\n"
            + "BEGIN SELECT COUNT(*) FROM SlowDown a, SlowDown b WHERE a.X + b.X > 0; END;";
        await command.ExecuteNonQueryAsync(_ct);
    }

    private static DocumentOperation Op(Guid document, long revision) => new()
    {
        DocumentId = document,
        Revision = revision,
        ClientId = "c",
        ClientSeq = revision,
        AuthorId = "a",
        Operation = "[]",
        At = DateTimeOffset.UnixEpoch,
    };
}
