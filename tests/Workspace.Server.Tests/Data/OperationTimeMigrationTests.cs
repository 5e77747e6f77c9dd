using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workspace.Server.Features.Documents;
using static Workspace.Server.Tests.Data.SqliteFiles;

namespace Workspace.Server.Tests.Data;

/// <summary>
/// A SQLite database written before operation times were stored as UTC ticks keeps its history: the migration
/// converts every stored text time to the same instant (fraction to the tick, any offset), keeps the table
/// WITHOUT ROWID with its idempotency index, and going back down gives text the old code reads as the same instants.
/// </summary>
public sealed class OperationTimeMigrationTests
{
    private const string Before = "20261130154422_ClauseLinksAndResolutionEffects";
    private const string Ticks = "20261130202522_OperationTimeAsTicks";

    /// <summary>
    /// Times as Microsoft.Data.Sqlite wrote them: up to 7 digits of fraction, trailing zeros left out.
    /// </summary>
    private static readonly string[] StoredAsText =
    [
        "2026-11-30 20:24:26.5714458+00:00",
        "2026-11-30 20:24:26.57146+00:00",
        "2026-11-30 20:24:27+00:00",
        "2026-01-01 00:00:00.0000001+00:00",
        "2026-12-01 03:24:26.9+07:00",
        "2026-11-30 15:54:26.1234567-04:30",
        "1999-12-31 23:59:59.9999999+00:00",
    ];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TextTimesOfStoredOperationsReadBackAsTheSameInstantsAfterTheMigration()
    {
        var file = Path.Combine(Path.GetTempPath(), $"migrate-ticks-{Guid.NewGuid():N}.db");
        var docId = Guid.NewGuid();
        try
        {
            await using (var db = Context(file))
            {
                await db.GetService<IMigrator>().MigrateAsync(Before, cancellationToken: _ct);
                await InsertTextTimesAsync(file, docId);
                // To this migration itself: a later one drops the idempotency index this one keeps.
                await db.GetService<IMigrator>().MigrateAsync(Ticks, cancellationToken: _ct);

                var read = await db.Set<DocumentOperation>().AsNoTracking().Where(o => o.DocumentId == docId)
                    .OrderBy(o => o.Revision).ToListAsync(_ct);
                Assert.Equal(StoredAsText.Select(Instant), read.Select(o => o.At));
                Assert.All(read, o => Assert.Equal(TimeSpan.Zero, o.At.Offset));
                Assert.Equal(Enumerable.Range(1, StoredAsText.Length).Select(r => "client-" + r),
                    read.Select(o => o.ClientId));
                Assert.Equal(StoredAsText.Select(t => Instant(t).UtcTicks),
                    await ScalarsAsync<long>(file, "SELECT At FROM DocumentOperations ORDER BY Revision;"));
                Assert.Equal(["integer"],
                    await ScalarsAsync<string>(file, "SELECT DISTINCT typeof(At) FROM DocumentOperations;"));
                Assert.EndsWith("WITHOUT ROWID", (await ScalarsAsync<string>(file,
                    "SELECT sql FROM sqlite_schema WHERE name = 'DocumentOperations';")).Single(),
                    StringComparison.Ordinal);
                Assert.Single(await ScalarsAsync<string>(file, "SELECT name FROM sqlite_schema WHERE name = " +
                    "'IX_DocumentOperations_DocumentId_ClientId_ClientSeq';"));

                // Back down: text again, the same instants (written in UTC), readable by the code before.
                await db.GetService<IMigrator>().MigrateAsync(Before, cancellationToken: _ct);
            }
            var text = await ScalarsAsync<string>(file, "SELECT At FROM DocumentOperations ORDER BY Revision;");
            Assert.Equal(StoredAsText.Select(t => Instant(t).UtcTicks),
                text.Select(t => Instant(t).UtcTicks));
            Assert.All(text, t => Assert.EndsWith("+00:00", t, StringComparison.Ordinal));
            Assert.Equal("2026-11-30 20:24:26.57146+00:00", text[1]);
            Assert.Equal("2026-11-30 20:24:27+00:00", text[2]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static async Task InsertTextTimesAsync(string file, Guid docId)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync();
        for (var i = 0; i < StoredAsText.Length; i++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO DocumentOperations " +
                "(DocumentId, Revision, ClientId, ClientSeq, AuthorId, Operation, At) " +
                "VALUES ($d, $r, $c, 1, 'author', '[\"x\"]', $at);";
            command.Parameters.AddWithValue("$d", docId.ToString().ToUpperInvariant());
            command.Parameters.AddWithValue("$r", i + 1);
            command.Parameters.AddWithValue("$c", "client-" + (i + 1));
            command.Parameters.AddWithValue("$at", StoredAsText[i]);
            await command.ExecuteNonQueryAsync();
        }
    }

    private Task<List<T>> ScalarsAsync<T>(string file, string sql) => SqliteFiles.ScalarsAsync<T>(file, sql, _ct);
}
