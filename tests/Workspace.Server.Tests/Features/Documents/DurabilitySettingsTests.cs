using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
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
    public async Task NormalSynchronousIsAnOptIn()
    {
        await using var factory = new WorkspaceFactory();
        await using var store = await OperationWriter.RowStore.OpenAsync(Databases(factory), new DocumentOptions { SqliteSynchronousNormal = true });

        Assert.Equal(1, await store.SqlitePragmaAsync("synchronous")); // NORMAL: survives kill -9, not a power cut
        Assert.Equal(0, await store.SqlitePragmaAsync("wal_autocheckpoint"));
    }

    private static IDbContextFactory<WorkspaceDb> Databases(WorkspaceFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
}
