using Microsoft.Data.Sqlite;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Health;

/// <summary>
/// Operator commands run instead of the server (<c>dotnet run --project src/Workspace.Server -- backup PATH</c>), with
/// the same configuration, so they find the same database: <c>backup PATH</c>, <c>restore PATH</c>, <c>acknowledge</c>.
/// </summary>
public static class DatabaseCommands
{
    /// <summary>The command the first arguments name (null: run the server), and the rest for configuration.</summary>
    public static (Func<WebApplicationBuilder, Task<int>>? Command, string[] Settings) Parse(string[] args) =>
        args switch
    {
        ["backup", var path, .. var rest] => (b => BackupAsync(b.ReadDatabaseOptions(), path), rest),
        ["restore", var path, .. var rest] => (b => RestoreAsync(b.ReadDatabaseOptions(), path), rest),
        ["acknowledge", .. var rest] => (b => Task.FromResult(Acknowledge(b.ReadDatabaseOptions())), rest),
        ["backup" or "restore"] => (_ => Fail("Say where: backup PATH or restore PATH."), []),
        _ => (null, args),
    };

    /// <summary>
    /// Copies the live database with SQLite's online backup API: one read transaction sees one committed state, so the
    /// copy holds every edit committed before it started, while the server (another process) keeps writing through
    /// WAL. Written beside the target first and moved in place only when checked, so a failed backup leaves no file
    /// that looks good.
    /// </summary>
    public static async Task<int> BackupAsync(DatabaseOptions options, string target)
    {
        if (options.SqlitePath() is not { } source)
        {
            return await Fail("This database is PostgreSQL: back it up with pg_dump (README, Backup and restore).");
        }
        if (!File.Exists(source))
        {
            return await Fail($"There is no database at {source}.");
        }
        target = Path.GetFullPath(target);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var from = Open(source, SqliteOpenMode.ReadOnly))
        await using (var to = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }
        var check = await DatabaseCheck.RunAsync(partial);
        if (check.Problems.Count > 0)
        {
            File.Delete(partial);
            return await Fail("The copy failed its check, so it was not kept: " + string.Join("; ", check.Problems));
        }
        File.Move(partial, target, overwrite: true);
        await Console.Out.WriteLineAsync($"Backed up {source} to {target} ({check.Operations} edits, checked).");
        return 0;
    }

    /// <summary>
    /// Replaces the database with a backup; run it with the server stopped. The current files (database, WAL, shared
    /// memory, commit record) are moved into a folder beside them, never deleted. The commit record goes with them:
    /// the restored database starts a new one, as it knowingly lacks what came after the backup.
    /// </summary>
    public static async Task<int> RestoreAsync(DatabaseOptions options, string backup)
    {
        if (options.SqlitePath() is not { } target)
        {
            return await Fail("This database is PostgreSQL: restore it with pg_restore (README, Backup and restore).");
        }
        backup = Path.GetFullPath(backup);
        if (!File.Exists(backup))
        {
            return await Fail($"There is no backup at {backup}.");
        }
        var check = await DatabaseCheck.RunAsync(backup);
        if (check.Problems.Count > 0)
        {
            return await Fail("The backup is damaged; nothing was changed: " + string.Join("; ", check.Problems));
        }
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var aside = Path.Combine(folder, $"before-restore-{DateTimeOffset.UtcNow:yyyyMMddTHHmmss}Z");
        foreach (var suffix in new[] { "", "-wal", "-shm", CommitMarker.Suffix })
        {
            if (File.Exists(target + suffix))
            {
                Directory.CreateDirectory(aside);
                File.Move(target + suffix, Path.Combine(aside, Path.GetFileName(target + suffix)));
            }
        }
        await using (var from = Open(backup, SqliteOpenMode.ReadOnly))
        await using (var to = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }
        await Console.Out.WriteLineAsync($"Restored {backup} ({check.Operations} edits) to {target}."
            + (Directory.Exists(aside) ? $" The files it replaced are in {aside}." : ""));
        return 0;
    }

    private static int Acknowledge(DatabaseOptions options)
    {
        var reasons = IntegrityAlarm.Acknowledge(options.DataDirectory);
        Console.Out.WriteLine(reasons.Count == 0
            ? "No integrity alarm is raised."
            : $"Acknowledged (the record stays in {options.DataDirectory}):{Environment.NewLine}"
                + string.Join(Environment.NewLine, reasons.Select(r => "  " + r)));
        return 0;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    private static async Task<int> Fail(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }
}
