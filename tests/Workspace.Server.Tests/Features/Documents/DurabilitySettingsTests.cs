using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Health;
using Workspace.Server.Infrastructure;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>How hard the group-commit writer's SQLite connection holds on to what it commits.</summary>
public sealed class DurabilitySettingsTests
{
    [Fact]
    public async Task ByDefaultEveryGroupCommitIsFsyncedSoAnAcknowledgedEditSurvivesAPowerCut()
    {
        await using var factory = new WorkspaceFactory();
        await using var store = await OperationWriter.RowStore.OpenAsync(Databases(factory), new DocumentOptions());

        Assert.Equal(2, await store.SqlitePragmaAsync("synchronous")); // FULL: the WAL is fsynced at every commit
        Assert.Equal(0, await store.SqlitePragmaAsync("wal_autocheckpoint")); // checkpoints run beside the writer
    }

    [Fact]
    public async Task TheWalIsWrittenOverWhileBusyNotCutBackEverySecond()
    {
        await using var factory = new WorkspaceFactory();
        await using var store = await OperationWriter.RowStore.OpenAsync(Databases(factory), new DocumentOptions());

        // A WAL that starts over after a checkpoint is cut back only beyond 32 MB (a few seconds of busy editing);
        // with 4 MB it was cut and grown again every second at 10 documents x 5 writers.
        Assert.Equal(128L * 1024 * 1024, await store.SqlitePragmaAsync("journal_size_limit"));
    }

    [Fact]
    public async Task NormalSynchronousIsAnOptIn()
    {
        await using var factory = new WorkspaceFactory();
        await using var store = await OperationWriter.RowStore.OpenAsync(
            Databases(factory),
            new DocumentOptions { SqliteSynchronousNormal = true });

        Assert.Equal(1, await store.SqlitePragmaAsync("synchronous")); // NORMAL: survives kill -9, not a power cut
        Assert.Equal(0, await store.SqlitePragmaAsync("wal_autocheckpoint"));
    }

    [Fact]
    public async Task WritesQueuedWhenTheHostStopsWaitingForTheWriterAreStillCommitted()
    {
        await using var factory = new WorkspaceFactory();
        var dbs = Databases(factory);
        // A writer of its own, so the test controls when it stops (one row per commit: the queue drains slowly).
        var writer = new OperationWriter(dbs, Options.Create(new DocumentOptions { MaxBatchSize = 1 }),
            new CommitMarker(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres })),
            NullLogger<OperationWriter>.Instance);
        await writer.StartAsync(TestContext.Current.CancellationToken);
        var document = Guid.NewGuid();
        var writes = Enumerable.Range(1, 300)
            .Select(r => writer.WriteAsync(
                new DocumentOperation {
                    DocumentId = document,
                    Revision = r,
                    ClientId = "c",
                    ClientSeq = r,
                    AuthorId = "a",
                    Operation = "[]",
                    At = DateTimeOffset.UnixEpoch
                },
                Guid.Empty))
            .ToList();

        // the writer is running; go on beside it
        await writes[0].ConfigureAwait(
            ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.ContinueOnCapturedContext);

        // A test host stops twice at once (its own Stop and the app's Run returning), and a host whose shutdown
        // timeout elapsed stops waiting: both calls return while commits are still running.
        var stopped = new CancellationToken(canceled: true);
        await Task.WhenAll(writer.StopAsync(stopped), writer.StopAsync(stopped));
        await Task.WhenAll(writes);
        await writer.ExecuteTask!;
        Assert.False(writer.HoldsConnection); // closed once, by the writer, after its last commit

        await using var db = await dbs.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            300,
            await db.Set<DocumentOperation>()
                .CountAsync(o => o.DocumentId == document, TestContext.Current.CancellationToken));
        // the writer is closed
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => writer.WriteAsync(new DocumentSnapshot { DocumentId = document }, Guid.Empty));
    }

    private static IDbContextFactory<WorkspaceDb> Databases(WorkspaceFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
}
