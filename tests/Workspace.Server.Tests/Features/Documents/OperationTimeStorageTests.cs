using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// On SQLite an operation's time is stored as an INTEGER of UTC ticks (8 bytes, not 33 characters of text in every
/// keystroke's row). The group-commit writer binds it through EF's mapping, so it must store integers too, and every
/// reader (EF, the history list, a version) must see the instants that were written.
/// </summary>
public sealed class OperationTimeStorageTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    // A pause of a second starts a new version, so the history list's times come from different operations.
    private readonly WorkspaceFactory _factory = new WorkspaceFactory().With("Documents:HistoryGap", "00:00:01");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task TheWriterStoresTimesAsTicksThatEveryReaderSeesAsWritten()
    {
        var owner = await _factory.SignUpAsync("Rina", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(_factory, owner, docId, _ct);
        var before = DateTimeOffset.UtcNow;
        foreach (var piece in new[] { "# Plan\n", "Deliver ", "40 t of rice.\n" })
        {
            session.Insert(session.Text.Length, piece);
            await session.WaitSyncedAsync(_ct);
        }
        await Task.Delay(1500, _ct);
        session.Insert(session.Text.Length, "Train 20 farmers.\n");
        await session.WaitSyncedAsync(_ct);
        var after = DateTimeOffset.UtcNow;
        await connection.DisposeAsync();

        var stored = await StoredTimesAsync(docId);
        Assert.Equal(4, stored.Count);
        Assert.All(stored, s => Assert.Equal("integer", s.Type));
        var times = stored.Select(s => new DateTimeOffset(s.Ticks, TimeSpan.Zero)).ToList();
        Assert.All(times, t => Assert.InRange(t, before, after));
        Assert.Equal(times.Order(), times);

        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync(_ct))
        {
            var read = await db.Set<DocumentOperation>().AsNoTracking().Where(o => o.DocumentId == docId)
                .OrderBy(o => o.Revision).Select(o => o.At).ToListAsync(_ct);
            Assert.Equal(times, read);
            Assert.All(read, t => Assert.Equal(TimeSpan.Zero, t.Offset));
        }

        var history = $"/api/partnerships/{pid}/documents/{docId}/history";
        var (status, list) = await owner.Http.GetJsonAsync(history, _ct);
        Assert.Equal(HttpStatusCode.OK, status);
        var versions = list.GetProperty("versions").EnumerateArray()
            .Select(v => (Revision: v.GetProperty("revision").GetInt64(), Started: v.GetProperty("started")
                .GetDateTimeOffset(), At: v.GetProperty("at").GetDateTimeOffset()))
            .ToList();
        // Newest first: the edit after the pause, then the three before it.
        Assert.Equal([(4L, times[3], times[3]), (3L, times[0], times[2])], versions);

        var (read3, version) = await owner.Http.GetJsonAsync($"{history}/3", _ct);
        Assert.Equal(HttpStatusCode.OK, read3);
        Assert.Equal("# Plan\nDeliver 40 t of rice.\n", version.GetProperty("text").GetString());
    }

    private async Task<List<(string Type, long Ticks)>> StoredTimesAsync(Guid docId)
    {
        await using var db = new SqliteConnection(
            $"Data Source={Path.Combine(_factory.DataDirectory, "workspace.db")};Pooling=false");
        await db.OpenAsync(_ct);
        await using var command = db.CreateCommand();
        command.CommandText =
            "SELECT typeof(At), At FROM DocumentOperations WHERE DocumentId = $id ORDER BY Revision;";
        command.Parameters.AddWithValue("$id", docId.ToString().ToUpperInvariant());
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(_ct);
        while (await reader.ReadAsync(_ct))
        {
            var type = reader.GetString(0);
            rows.Add((type, type == "integer" ? reader.GetInt64(1) : -1));
        }
        return rows;
    }
}
