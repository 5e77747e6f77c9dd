using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Tests.Data;

/// <summary>
/// The schema is changed only through migrations, for both providers, so an upgrade never needs a fresh database.
/// </summary>
public sealed class MigrationTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void EveryModelChangeHasAMigration(DatabaseProvider provider)
    {
        using var db = Context(
            provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused");

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a migration: run `WORKSPACE_DB_PROVIDER={provider} "
            + "dotnet ef migrations add <Name>` (see README).");
    }

    [Fact]
    public async Task AFreshSqliteFileIsMigratedToTheLatestSchema()
    {
        var file = Path.Combine(Path.GetTempPath(), $"migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Context(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false");
            await db.Database.MigrateAsync(_ct);

            Assert.Empty(await db.Database.GetPendingMigrationsAsync(_ct));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(_ct));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AFreshPostgresDatabaseIsMigratedToTheLatestSchema()
    {
        var cs = PostgresTests.ConnectionString($"ws_migrate_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");
        await using var db = Context(DatabaseProvider.Postgres, cs!);
        await db.Database.MigrateAsync(_ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(_ct));
        await db.Database.EnsureDeletedAsync(_ct);
    }

    private static WorkspaceDb Context(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<WorkspaceDb>();
        DatabaseExtensions.Configure(
            builder,
            new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        return new WorkspaceDb(builder.Options);
    }
}
