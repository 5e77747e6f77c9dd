using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Tests.Data;

/// <summary>A migration test's own SQLite file: a context on it, and raw reads of what it really holds.</summary>
internal static class SqliteFiles
{
    public static WorkspaceDb Context(string file)
    {
        var builder = new DbContextOptionsBuilder<WorkspaceDb>();
        DatabaseExtensions.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=false",
        });
        return new WorkspaceDb(builder.Options);
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, read past EF.</summary>
    public static async Task<List<T>> ScalarsAsync<T>(string file, string sql, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }
}
