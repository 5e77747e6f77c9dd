using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Workspace.Server.Data;

namespace Workspace.Server.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; empty means a SQLite file <c>workspace.db</c> in <see cref="DataDirectory"/>.</summary>
    public string ConnectionString { get; set; } = "";

    [Required]
    public string DataDirectory { get; set; } = "data";
}

public static class DatabaseExtensions
{
    public static void AddWorkspaceDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        options.DataDirectory = CheckoutRoot.Resolve(builder.Environment, options.DataDirectory);
        builder.Services.AddPooledDbContextFactory<WorkspaceDb>(db => Configure(db, options));
        // Request-scoped contexts (Identity, endpoints) come from the same pool.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorkspaceDb>>().CreateDbContext());
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

    public static async Task MigrateWorkspaceDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
        await using var db = await factory.CreateDbContextAsync();
        // Creates the database on first run and brings an existing one up to date.
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; NORMAL sync is durable across process crashes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
