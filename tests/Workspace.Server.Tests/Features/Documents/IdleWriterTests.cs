using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Features.Documents;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>An idle server leaves the database alone: no checkpoint once the WAL has been emptied.</summary>
public sealed class IdleWriterTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnceTheWalIsTruncatedAnIdleWriterRunsNoMoreCheckpoints()
    {
        await using var factory = new WorkspaceFactory().With("Documents:CheckpointInterval", "00:00:00.200");
        var owner = await factory.SignUpAsync("Idle", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var writer = factory.Services.GetRequiredService<OperationWriter>();
        var wal = new FileInfo(Path.Combine(factory.DataDirectory, "workspace.db-wal"));

        for (var i = 0; i < 20; i++)
        {
            session.Insert(session.Length, $"edit {i}\n");
            await SyncedAsync(session, _ct);
        }
        // Busy, then idle: passive checkpoints while it writes, one truncating checkpoint once it stops.
        await EventuallyAsync(() => { wal.Refresh(); return !wal.Exists || wal.Length == 0; },
            TimeSpan.FromSeconds(10), "the WAL is truncated", _ct);
        Assert.True(writer.Checkpoints > 0, "no checkpoint ran while the writer was busy");
        await Task.Delay(400, _ct); // the tick that saw the truncation may still be finishing
        var before = writer.Checkpoints;

        await Task.Delay(2000, _ct); // ten checkpoint periods with nothing written
        Assert.Equal(before, writer.Checkpoints);

        session.Insert(0, "awake again\n");
        await SyncedAsync(session, _ct);
        await EventuallyAsync(() => writer.Checkpoints > before, TimeSpan.FromSeconds(10),
            "a write is checkpointed again", _ct);
        await connection.DisposeAsync();
    }
}
