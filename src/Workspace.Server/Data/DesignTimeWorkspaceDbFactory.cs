using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Data;

/// <summary>
/// For <c>dotnet ef migrations add</c> only. Pick the provider with WORKSPACE_DB_PROVIDER=Sqlite|Postgres
/// (see README, "Changing the database schema"); no database is contacted to add a migration.
/// </summary>
public sealed class DesignTimeWorkspaceDbFactory : IDesignTimeDbContextFactory<WorkspaceDb>
{
    public WorkspaceDb CreateDbContext(string[] args)
    {
        var name = Environment.GetEnvironmentVariable("WORKSPACE_DB_PROVIDER") ?? "Sqlite";
        var provider = Enum.Parse<DatabaseProvider>(name, ignoreCase: true);
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Postgres
                ? "Host=localhost;Database=workspace_design"
                : "Data Source=design-time.db",
        };
        var builder = new DbContextOptionsBuilder<WorkspaceDb>();
        DatabaseExtensions.Configure(builder, options);
        return new WorkspaceDb(builder.Options);
    }
}
