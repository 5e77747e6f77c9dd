using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workspace.Server.Data;

/// <summary>
/// One context, two sets of migrations in one assembly: <c>Data/Migrations/Sqlite</c> and
/// <c>Data/Migrations/Postgres</c>. EF Core would otherwise see both sets; this picks the set (and
/// model snapshot) whose namespace matches the provider in use.
/// </summary>
public sealed class ProviderMigrations(ICurrentDbContext current) : IMigrationsAssembly
{
    private readonly Lazy<(IReadOnlyDictionary<string, TypeInfo> Migrations, ModelSnapshot? Snapshot)> _set =
        new(() => Load(current.Context));

    public Assembly Assembly => typeof(WorkspaceDb).Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _set.Value.Migrations;

    public ModelSnapshot? ModelSnapshot => _set.Value.Snapshot;

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase))
        ?? Migrations.Keys.FirstOrDefault(id => string.Equals(
            id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    /// <summary>
    /// The namespace of a provider's migrations, as passed to <c>dotnet ef migrations add --namespace</c>.
    /// </summary>
    public static string NamespaceOf(DbContext context) =>
        $"{typeof(WorkspaceDb).Namespace}.Migrations.{(context.Database.IsNpgsql() ? "Postgres" : "Sqlite")}";

    private static (IReadOnlyDictionary<string, TypeInfo>, ModelSnapshot?) Load(DbContext context)
    {
        var ns = NamespaceOf(context);
        var types = typeof(WorkspaceDb).Assembly.DefinedTypes
            .Where(t => t.Namespace == ns
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(WorkspaceDb))
            .ToList();
        var migrations = types
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<MigrationAttribute>() is not null)
            .OrderBy(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, StringComparer.Ordinal)
            .ToDictionary(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, t => t);
        var snapshot = types.FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)));
        return (migrations, snapshot is null ? null : (ModelSnapshot)Activator.CreateInstance(snapshot.AsType())!);
    }
}
