using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using static Workspace.Server.Tests.Data.SqliteFiles;

namespace Workspace.Server.Tests.Data;

/// <summary>
/// A SQLite database with the schema before the client-id index was dropped, holding operations and a snapshot,
/// reads the same after the migration: every operation and the snapshot's text unchanged, the log still WITHOUT
/// ROWID, its index gone, the snapshot's client ids unknown (null: the grain then reads them from the log); and back
/// down the index is there again over the same rows.
/// </summary>
public sealed class ClientIndexMigrationTests
{
    private const string Before = "20261130202522_OperationTimeAsTicks";
    private const string Index = "IX_DocumentOperations_DocumentId_ClientId_ClientSeq";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoredOperationsAndSnapshotsReadTheSameAfterTheIndexIsDropped()
    {
        var file = Path.Combine(Path.GetTempPath(), $"migrate-client-index-{Guid.NewGuid():N}.db");
        var docId = Guid.NewGuid();
        try
        {
            await using var db = Context(file);
            await db.GetService<IMigrator>().MigrateAsync(Before, cancellationToken: _ct);
            Assert.Single(await ScalarsAsync<string>(file, $"SELECT name FROM sqlite_schema WHERE name = '{Index}';"));
            var at = new DateTimeOffset(2026, 11, 30, 20, 24, 26, TimeSpan.Zero).AddTicks(5714458);
            for (var r = 1; r <= 5; r++)
            {
                db.Add(new DocumentOperation
                {
                    DocumentId = docId, Revision = r, ClientId = r % 2 == 0 ? "budi-1" : "ana-1", ClientSeq = r,
                    AuthorId = r % 2 == 0 ? "budi" : "ana", Operation = $"[{r - 1}, \"{r}\"]", At = at.AddSeconds(r),
                });
            }
            await db.SaveChangesAsync(_ct);
            // A snapshot as the code before wrote it (the model's Clients column is not there yet).
            var id = docId.ToString().ToUpperInvariant();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO DocumentSnapshots (DocumentId, Revision, Text, Format, At) "
                    + "VALUES ({0}, 3, '123', 0, '2026-11-30 20:24:29+00:00');",
                [id], _ct);
            db.ChangeTracker.Clear();
            var operations = await ReadOperationsAsync(db, docId);

            await db.Database.MigrateAsync(_ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(_ct));

            Assert.Equal(operations, await ReadOperationsAsync(db, docId));
            var snapshot = await db.Set<DocumentSnapshot>().AsNoTracking()
                .SingleAsync(s => s.DocumentId == docId, _ct);
            Assert.Equal(("123", 3L, (string?)null),
                (SnapshotCodec.TextOf(snapshot), snapshot.Revision, snapshot.Clients));
            Assert.Empty(await ScalarsAsync<string>(file, $"SELECT name FROM sqlite_schema WHERE name = '{Index}';"));
            Assert.EndsWith("WITHOUT ROWID", (await ScalarsAsync<string>(file,
                    "SELECT sql FROM sqlite_schema WHERE name = 'DocumentOperations';")).Single(),
                StringComparison.Ordinal);

            await db.GetService<IMigrator>().MigrateAsync(Before, cancellationToken: _ct);
            Assert.Single(await ScalarsAsync<string>(file, $"SELECT name FROM sqlite_schema WHERE name = '{Index}';"));
            Assert.Equal(operations.Count, (await ScalarsAsync<long>(file,
                $"SELECT Revision FROM DocumentOperations INDEXED BY \"{Index}\";")).Count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private async Task<List<string>> ReadOperationsAsync(WorkspaceDb db, Guid docId) =>
        (await db.Set<DocumentOperation>().AsNoTracking().Where(o => o.DocumentId == docId).OrderBy(o => o.Revision)
            .ToListAsync(_ct))
        .Select(o => $"{o.Revision} {o.ClientId} {o.ClientSeq} {o.AuthorId} {o.Operation} {o.At:O}").ToList();

    private Task<List<T>> ScalarsAsync<T>(string file, string sql) => SqliteFiles.ScalarsAsync<T>(file, sql, _ct);
}
