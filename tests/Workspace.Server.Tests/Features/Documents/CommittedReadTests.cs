using Microsoft.Data.Sqlite;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// Opening a document hands out only revisions that are on disk, never one still on its way to the group commit.
/// </summary>
public sealed class CommittedReadTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpeningWhileAnEditIsBeingSavedShowsItOnlyOnceItIsStored()
    {
        // A long batch window holds each edit in the writer for a while before its commit.
        await using var factory = new WorkspaceFactory().With("Documents:BatchWindow", "00:00:00.400");
        var owner = await factory.SignUpAsync("Careful", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);

        for (var i = 0; i < 5; i++)
        {
            session.Insert(session.Text.Length, $"line {i}\n");
            // Someone opens the document while that edit is still in the writer's batch.
            await Task.Delay(50, _ct);
            await OpenedOnceStoredAsync(factory, owner, pid, docId, $"line {i}\n");
            await SyncedAsync(session, _ct);
        }
        await connection.DisposeAsync();
    }

    /// <summary>
    /// Opens the document until its text has <paramref name="edit"/>, checking that every open hands out a stored
    /// revision: on a stalled machine the edit may reach the server only after the first open.
    /// </summary>
    private async Task OpenedOnceStoredAsync(
        WorkspaceFactory factory, TestUser owner, Guid pid, Guid docId, string edit)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                var (content, revision) = await OpenedAsync(owner, pid, docId);
                Assert.True(
                    await StoredRevisionAsync(factory, docId) >= revision,
                    $"revision {revision} was handed out before it was stored");
                return content.Contains(edit, StringComparison.Ordinal);
            },
            _ct,
            30_000,
            $"the edit “{edit.Trim()}” showing in an opened document");
    }

    private async Task<(string Text, long Revision)> OpenedAsync(TestUser user, Guid pid, Guid docId)
    {
        var (_, body) = await user.Http.GetJsonAsync($"/api/partnerships/{pid}/documents/{docId}", _ct);
        return (body.GetProperty("text").GetString()!, body.GetProperty("revision").GetInt64());
    }

    private async Task<long> StoredRevisionAsync(WorkspaceFactory factory, Guid docId)
    {
        await using var db = new SqliteConnection(
            $"Data Source={Path.Combine(factory.DataDirectory, "workspace.db")};Pooling=false;Mode=ReadOnly");
        await db.OpenAsync(_ct);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Revision), 0) FROM DocumentOperations WHERE DocumentId = $id";
        command.Parameters.AddWithValue("$id", docId.ToString().ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync(_ct))!;
    }
}
