using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Health;
using Workspace.Server.Infrastructure;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// A writer that never pauses (rows always queued behind its commit) still lets the WAL start over from its
/// beginning, instead of growing by every page of every commit for as long as the load lasts.
/// </summary>
public sealed class WalRestartTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheWalStartsOverWhileTheWriterNeverPauses()
    {
        await using var factory = new WorkspaceFactory();
        var dbs = factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkspaceDb>>();
        var writer = new OperationWriter(dbs,
            Options.Create(new DocumentOptions { CheckpointInterval = TimeSpan.FromMilliseconds(100) }),
            new CommitMarker(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres })),
            NullLogger<OperationWriter>.Instance);
        await writer.StartAsync(_ct);
        var wal = Path.Combine(factory.DataDirectory, "workspace.db-wal");
        await writer.WriteAsync(WalFiles.Op(Guid.NewGuid(), 1), Guid.Empty);
        var first = WalFiles.CheckpointSequence(wal);

        // Sixteen typists each with an op always queued: the writer goes from one commit straight to the next, until
        // the WAL has started over (awaited, 30 s at most).
        await WalFiles.TypeUntilAsync(
            writer, typists: 16, () => writer.WriterCheckpoints > 0 && WalFiles.CheckpointSequence(wal) > first, _ct);
        var last = WalFiles.CheckpointSequence(wal);

        Assert.True(writer.WriterCheckpoints > 0, "the writer never finished a checkpoint between its commits");
        // The WAL header's checkpoint sequence number goes up each time the log starts over from its beginning.
        Assert.True(last > first, $"the WAL never started over in 30 s of writing (sequence {first} -> {last})");
        await writer.StopAsync(_ct);
    }
}
