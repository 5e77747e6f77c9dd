using Microsoft.Data.Sqlite;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// When the database refuses a write, the edit is not acknowledged, stays pending and lands once the database is back.
/// </summary>
public sealed class FailedSaveTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEditWhoseSaveFailedIsSentAgainAndLandsExactlyOnce()
    {
        await using var factory = new WorkspaceFactory();
        var owner = await factory.SignUpAsync("Persistent", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var refused = new List<string>();
        session.Rejected += refused.Add;
        session.Insert(0, "hello");
        await SyncedAsync(session, _ct);

        await using var db = new SqliteConnection(
            $"Data Source={Path.Combine(factory.DataDirectory, "workspace.db")};Pooling=false");
        await db.OpenAsync(_ct);
        await ExecuteAsync(db, "ALTER TABLE DocumentOperations RENAME TO DocumentOperationsAway");
        session.Insert(5, " world");
        await Task.Delay(1500, _ct);
        Assert.False(session.IsSynced, "the edit must not be acknowledged while it cannot be saved");

        await ExecuteAsync(db, "ALTER TABLE DocumentOperationsAway RENAME TO DocumentOperations");
        await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);

        Assert.Empty(refused);
        Assert.Equal("hello world", await ServerTextAsync(owner, pid, docId, _ct));
        Assert.Equal("hello world", session.Text);
        await connection.DisposeAsync();
    }

    private async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(_ct);
    }
}
