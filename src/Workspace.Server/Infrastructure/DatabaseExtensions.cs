using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;
using Workspace.Server.Features.Health;

namespace Workspace.Server.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string; empty means a SQLite file <c>workspace.db</c> in <see cref="DataDirectory"/>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Start even when the start check finds the database damaged; <c>/health</c> then answers 503 with the reasons
    /// until the alarm is acknowledged. For an operator who has decided to keep working on what is left.
    /// </summary>
    public bool StartDespiteDamage { get; set; }

    /// <summary>The SQLite database file (full path), or null for PostgreSQL or an in-memory database.</summary>
    public string? SqlitePath()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return Path.GetFullPath(Path.Combine(DataDirectory, "workspace.db"));
        }
        var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var inMemory = source.Length == 0 || source.Contains(":memory:", StringComparison.OrdinalIgnoreCase);
        return inMemory ? null : Path.GetFullPath(source);
    }
}

public static class DatabaseExtensions
{
    public static void AddWorkspaceDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.ReadDatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.DataDirectory = options.DataDirectory);
        builder.Services.AddSingleton<CommitMarker>();
        builder.Services.AddSingleton<IntegrityAlarm>();
        builder.Services.AddPooledDbContextFactory<WorkspaceDb>(db => Configure(db, options));
        // Request-scoped contexts (Identity, endpoints) come from the same pool.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorkspaceDb>>().CreateDbContext());
    }

    /// <summary>The database settings, data directory resolved (the server and its commands read them alike).</summary>
    public static DatabaseOptions ReadDatabaseOptions(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()
            ?? new DatabaseOptions();
        options.DataDirectory = CheckoutRoot.Resolve(builder.Environment, options.DataDirectory);
        return options;
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseOptions options)
    {
        db.ReplaceService<IMigrationsAssembly, ProviderMigrations>();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                db.UseNpgsql(options.ConnectionString);
                break;
            default:
                var cs = options.ConnectionString;
                if (string.IsNullOrWhiteSpace(cs))
                {
                    Directory.CreateDirectory(options.DataDirectory);
                    cs = $"Data Source={Path.Combine(options.DataDirectory, "workspace.db")}";
                }
                db.UseSqlite(cs);
                break;
        }
    }

    /// <summary>
    /// Checks the database (SQLite: <see cref="DatabaseCheck"/>), then creates or migrates it. Returns false when it
    /// is damaged and <see cref="DatabaseOptions.StartDespiteDamage"/> is off: the server must not start.
    /// </summary>
    public static async Task<bool> MigrateWorkspaceDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var path = options.SqlitePath();
        var check = path is null ? new DatabaseCheck.Result([], 0) : await DatabaseCheck.RunAsync(path);
        if (check.Problems.Count > 0)
        {
            if (!options.StartDespiteDamage)
            {
                await Console.Error.WriteLineAsync(RefusalMessage(path!, check.Problems));
                return false;
            }
            var alarm = app.Services.GetRequiredService<IntegrityAlarm>();
            foreach (var problem in check.Problems)
            {
                alarm.Raise("start:" + problem, $"Started despite a damaged database ({path}): {problem}");
            }
        }
        var factory = app.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
        await using var db = await factory.CreateDbContextAsync();
        if (path is not null)
        {
            await ReleaseStaleMigrationLockAsync(db);
        }
        // Creates the database on first run and brings an existing one up to date.
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; NORMAL sync is durable across process crashes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        app.Services.GetRequiredService<CommitMarker>().Reset(check.Operations);
        return true;
    }

    /// <summary>
    /// EF Core holds a row in <c>__EFMigrationsLock</c> while it migrates. A server killed in the middle (or a WAL lost
    /// after a checkpoint wrote the row but not its removal) leaves the row behind, and the next start would wait for
    /// it forever. A SQLite file belongs to this one server process, which has not started migrating yet: any row
    /// there is stale.
    /// </summary>
    private static async Task ReleaseStaleMigrationLockAsync(WorkspaceDb db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0)
        {
            command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string RefusalMessage(string path, IReadOnlyList<string> problems) =>
        $"""
        crit: The database {path} is damaged; the server will not start,
        so that nobody works on data with saved edits missing.
        {string.Join(Environment.NewLine, problems.Select(p => "  - " + p))}
        What to do: stop here and restore the latest backup (README, "Backup and restore"):
          dotnet run --project src/Workspace.Server -- restore BACKUP-FILE
        Keep the damaged files: the restore moves them aside. To start on the damaged data anyway (it then reports
        unhealthy on /health until acknowledged), add --Database:StartDespiteDamage=true.
        """;
}
