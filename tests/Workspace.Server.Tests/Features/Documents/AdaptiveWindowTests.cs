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
/// The adaptive window (Documents:AdaptiveWindow): a lone row waits for a second one to share its commit only while rows
/// come often; when they come seldom, or no second row comes within the window, it is committed on its own.
/// </summary>
public sealed class AdaptiveWindowTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WhileRowsComeOftenALoneRowWaitsForASecondAndTheyShareOneCommit()
    {
        // A window far longer than any stall of a test host, so the second row always comes within it.
        await using var factory = new WorkspaceFactory();
        var (writer, dbs) = await StartWriterAsync(factory, TimeSpan.FromSeconds(60));
        var document = Guid.NewGuid();
        await RowsComeOftenAsync(writer, document);
        var (batches, waits, gathered) = (writer.Batches, writer.AdaptiveWaits, writer.AdaptiveGathered);

        var lone = writer.WriteAsync(Op(document, 100), Guid.Empty);
        await EventuallyAsync(() => writer.AdaptiveWaits == waits + 1, Patience, "the loop waits for a second row", _ct);
        Assert.False(lone.IsCompleted, "the lone row was committed before a second one came");
        var second = writer.WriteAsync(Op(document, 101), Guid.Empty);
        await Task.WhenAll(lone, second).WaitAsync(Patience, _ct);

        Assert.Equal(batches + 1, writer.Batches);
        Assert.Equal(gathered + 1, writer.AdaptiveGathered);
        await using (var db = await dbs.CreateDbContextAsync(_ct))
        {
            Assert.Equal(2, await db.Set<DocumentOperation>().CountAsync(
                o => o.DocumentId == document && o.Revision >= 100, _ct));
        }
        await writer.StopAsync(_ct);
    }

    [Fact]
    public async Task ALoneRowThatNoSecondJoinsIsCommittedWhenTheWindowEnds()
    {
        await using var factory = new WorkspaceFactory();
        var (writer, _) = await StartWriterAsync(factory, TimeSpan.FromMilliseconds(200));
        var document = Guid.NewGuid();
        await RowsComeOftenAsync(writer, document);
        var (batches, waits, gathered) = (writer.Batches, writer.AdaptiveWaits, writer.AdaptiveGathered);

        await writer.WriteAsync(Op(document, 100), Guid.Empty).WaitAsync(Patience, _ct);

        Assert.Equal(batches + 1, writer.Batches);
        Assert.Equal(waits + 1, writer.AdaptiveWaits);
        Assert.Equal(gathered, writer.AdaptiveGathered);
        await writer.StopAsync(_ct);
    }

    [Fact]
    public async Task WhenRowsComeSeldomEveryRowIsCommittedAtOnce()
    {
        await using var factory = new WorkspaceFactory();
        var (writer, _) = await StartWriterAsync(factory, TimeSpan.FromMilliseconds(1));
        var document = Guid.NewGuid();
        var batches = writer.Batches;

        for (var revision = 1; revision <= 12; revision++)
        {
            // Rows at least 20 ms apart: over four windows, however slowly the host runs.
            await Task.Delay(20, _ct);
            await writer.WriteAsync(Op(document, revision), Guid.Empty).WaitAsync(Patience, _ct);
        }

        Assert.Equal(batches + 12, writer.Batches);
        Assert.Equal(0, writer.AdaptiveWaits);
        await writer.StopAsync(_ct);
    }

    /// <summary>
    /// Rows in pairs written back to back, so the mean gap falls to about a commit's time, and a lone row the loop may
    /// find (the first of a pair) always has its second on the way.
    /// </summary>
    private async Task RowsComeOftenAsync(OperationWriter writer, Guid document)
    {
        for (var revision = 1; revision < 60; revision += 2)
        {
            var first = writer.WriteAsync(Op(document, revision), Guid.Empty);
            var second = writer.WriteAsync(Op(document, revision + 1), Guid.Empty);
            await Task.WhenAll(first, second).WaitAsync(Patience, _ct);
        }
        await EventuallyAsync(() => !writer.Busy, Patience, "the writer is idle", _ct);
    }

    /// <summary>
    /// A writer of its own (the host's is idle: nothing else is edited), on the test's SQLite file. Its window is set
    /// directly, so a test may use one longer than the setting allows.
    /// </summary>
    private async Task<(OperationWriter Writer, IDbContextFactory<WorkspaceDb> Dbs)> StartWriterAsync(
        WorkspaceFactory factory, TimeSpan window)
    {
        var dbs = factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
        var options = new DocumentOptions { AdaptiveWindow = window, CheckpointInterval = TimeSpan.FromHours(1) };
        var writer = new OperationWriter(dbs, Options.Create(options),
            new CommitMarker(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres })),
            NullLogger<OperationWriter>.Instance);
        await writer.StartAsync(_ct);
        return (writer, dbs);
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
