using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Workspace.Server.Features.Health;

/// <summary>
/// The start check of a SQLite database, before anything opens it for writing: SQLite's own integrity check (page
/// structure, indexes against tables), the commit record the writer keeps beside the file (edits that a cut,
/// corrupted or deleted WAL took away, see <see cref="CommitMarker"/>), and the co-editing log itself (every document's
/// revisions 1..n without a hole, no snapshot beyond its log). Read-only, so a damaged WAL is left as found.
/// </summary>
public static class DatabaseCheck
{
    public sealed record Result(IReadOnlyList<string> Problems, long Operations);

    public static async Task<Result> RunAsync(string databasePath, CancellationToken ct = default)
    {
        var problems = new List<string>();
        CommitMarker.Mark? mark = null;
        try
        {
            mark = CommitMarker.Read(databasePath);
        }
        catch (InvalidDataException ex)
        {
            problems.Add(ex.Message + " It cannot tell whether edits are missing.");
        }
        if (!File.Exists(databasePath))
        {
            if (mark is { Rows: > 0 })
            {
                problems.Add($"The database file {databasePath} is missing, but {mark.Rows} edits were stored in it.");
            }
            return new Result(problems, 0);
        }
        long operations = 0;
        try
        {
            await using var db = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
            }.ToString());
            await db.OpenAsync(ct);
            var integrity = await ColumnAsync(db, "PRAGMA integrity_check(20);", ct);
            if (integrity is not ["ok"])
            {
                problems.Add("SQLite's integrity check found damage: " + string.Join("; ", integrity));
                return new Result(problems, 0);
            }
            // A database that lost its WAL may even lack its tables (they were created in the WAL too).
            var tables = await ColumnAsync(db, "SELECT name FROM sqlite_master WHERE name = 'DocumentOperations';", ct);
            var migrated = tables.Count > 0;
            if (migrated)
            {
                var count = await ColumnAsync(db, "SELECT COUNT(*) FROM DocumentOperations;", ct);
                operations = long.Parse(count[0], CultureInfo.InvariantCulture);
            }
            await CheckMarkAsync(db, mark, operations, problems, ct);
            if (migrated)
            {
                await CheckLogAsync(db, problems, ct);
            }
        }
        catch (SqliteException ex)
        {
            problems.Add($"SQLite cannot read the database: {ex.Message}");
        }
        return new Result(problems, operations);
    }

    private static async Task CheckMarkAsync(
        SqliteConnection db, CommitMarker.Mark? mark, long operations, List<string> problems, CancellationToken ct)
    {
        if (mark is null)
        {
            return;
        }
        if (operations < mark.Rows)
        {
            problems.Add($"{mark.Rows - operations} of the {mark.Rows} edits the server stored are missing "
                + "from the database (its WAL file was probably cut short, damaged or deleted).");
        }
        else if (mark.Document != Guid.Empty)
        {
            // EF stores a Guid as upper-case text; both spellings keep the primary-key index usable.
            var found = await ColumnAsync(db,
                "SELECT 1 FROM DocumentOperations WHERE DocumentId IN ($upper, $lower) AND Revision = $revision;", ct,
                ("$upper", mark.Document.ToString().ToUpperInvariant()),
                ("$lower", mark.Document.ToString()),
                ("$revision", mark.Revision));
            if (found.Count == 0)
            {
                problems.Add($"The last edit the server stored (revision {mark.Revision} of document {mark.Document}) "
                    + "is missing from the database.");
            }
        }
    }

    private static async Task CheckLogAsync(SqliteConnection db, List<string> problems, CancellationToken ct)
    {
        var holes = await ColumnAsync(db,
            "SELECT DocumentId || ' has ' || COUNT(*) || ' of revisions 1..' || MAX(Revision) FROM DocumentOperations "
            + "GROUP BY DocumentId HAVING COUNT(*) <> MAX(Revision) LIMIT 5;", ct);
        if (holes.Count > 0)
        {
            problems.Add("Documents have holes in their history: " + string.Join("; ", holes));
        }
        var ahead = await ColumnAsync(db, "SELECT s.DocumentId || ' at ' || s.Revision FROM DocumentSnapshots s "
            + "WHERE s.Revision > (SELECT IFNULL(MAX(o.Revision), 0) FROM DocumentOperations o "
            + "WHERE o.DocumentId = s.DocumentId) LIMIT 5;", ct);
        if (ahead.Count > 0)
        {
            problems.Add("Snapshots are newer than their document's stored edits: " + string.Join("; ", ahead));
        }
    }

    private static async Task<List<string>> ColumnAsync(
        SqliteConnection db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }
        return values;
    }
}
