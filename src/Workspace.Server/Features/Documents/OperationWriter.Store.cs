using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Documents;

public sealed partial class OperationWriter
{
    /// <summary>The writer's connection (held open through a context of its own) and its insert commands.</summary>
    internal sealed class RowStore : IAsyncDisposable
    {
        /// <summary>
        /// Rows per multi-row INSERT (7 parameters each stays well below every provider's parameter limit).
        /// </summary>
        private const int ChunkRows = 500;

        private readonly WorkspaceDb _db;
        private readonly DbConnection _connection;
        private readonly bool _sqlite;
        private readonly Dictionary<Type, Table> _tables = [];

        private RowStore(WorkspaceDb db, DbConnection connection, bool sqlite)
        {
            _db = db;
            _connection = connection;
            _sqlite = sqlite;
        }

        /// <summary>Whether a commit runs to its end before InsertAsync returns (SQLite: no truly async I/O).</summary>
        internal bool Synchronous => _sqlite;

        /// <summary>A SQLite pragma's value on the writer's connection (tests check the durability settings).</summary>
        internal async Task<long> SqlitePragmaAsync(string name)
        {
            if (!_sqlite || !name.All(c => char.IsAsciiLetter(c) || c == '_'))
            {
                throw new ArgumentException("A SQLite pragma name is needed.", nameof(name));
            }
            await using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA " + name + ";";
            return Convert.ToInt64(await command.ExecuteScalarAsync(),
                System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// A passive checkpoint on the writer's connection (SQLite): never waits for a reader, whose snapshot it leaves
        /// in the WAL; gives way at once to a checkpoint already running elsewhere.
        /// </summary>
        internal async Task CopyWalAsync()
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync();
        }

        public static async Task<RowStore> OpenAsync(IDbContextFactory<WorkspaceDb> dbs, DocumentOptions options)
        {
            var db = await dbs.CreateDbContextAsync();
            try
            {
                await db.Database.OpenConnectionAsync();
                var sqlite = db.Database.IsSqlite();
                // Per connection, so set once on the writer's own. Checkpoints run beside the writer, in
                // CheckpointAsync, not inside a commit. See DocumentOptions. When a checkpoint lets the WAL start
                // over, a longer file is cut back to journal_size_limit, so the
                // file is written over instead of cut and grown again every second (with 4 MB: an ftruncate and new
                // blocks per cycle, 1.6 % of the server's CPU at 10 x 5). An idle writer's WAL is still truncated.
                // 128 MB: at 200 x 5 a second of commits is 45-190 MB of WAL, and a cut-back file grows again into
                // new blocks. 32 MB of page cache (default 2 MB) keeps the op table's hot index pages of hundreds of
                // documents in memory instead of reading them back from the WAL on every commit.
                const string Wal = "PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=134217728; "
                    + "PRAGMA cache_size=-32768;";
                if (sqlite && options.SqliteSynchronousNormal)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL; " + Wal);
                }
                else if (sqlite)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL; " + Wal);
                }
                return new RowStore(db, db.Database.GetDbConnection(), sqlite);
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
        }

        public async Task InsertAsync(IReadOnlyList<object> rows)
        {
            await using var transaction = await _connection.BeginTransactionAsync();
            // Rows are inserted in queue order (a document's revisions ascending), grouped by table only within
            // a run of the same type, so a failing row never lets a later revision of its document in first.
            var start = 0;
            while (start < rows.Count)
            {
                if (rows[start] is Removal removal)
                {
                    await using var delete = TableOf(removal.Row.GetType()).Delete(_connection, removal.Row);
                    delete.Transaction = transaction;
                    await delete.ExecuteNonQueryAsync();
                    start++;
                    continue;
                }
                var type = rows[start].GetType();
                var end = start + 1;
                while (end < rows.Count && end - start < ChunkRows && rows[end].GetType() == type)
                {
                    end++;
                }
                var table = TableOf(type);
                if (_sqlite)
                {
                    var command = table.Single(_connection);
                    command.Transaction = transaction;
                    for (var i = start; i < end; i++)
                    {
                        table.Bind(command, 0, rows[i]);
                        await command.ExecuteNonQueryAsync();
                    }
                }
                else
                {
                    await using var command = table.Multi(_connection, end - start);
                    command.Transaction = transaction;
                    for (var i = start; i < end; i++)
                    {
                        table.Bind(command, (i - start) * table.Columns.Length, rows[i]);
                    }
                    await command.ExecuteNonQueryAsync();
                }
                start = end;
            }
            await transaction.CommitAsync();
        }

        private Table TableOf(Type type)
        {
            if (!_tables.TryGetValue(type, out var table))
            {
                var entity = _db.Model.FindEntityType(type)
                    ?? throw new InvalidOperationException($"{type.Name} is not an entity.");
                table = new Table(entity, _db.GetService<ISqlGenerationHelper>());
                _tables[type] = table;
            }
            return table;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var table in _tables.Values)
            {
                table.Dispose();
            }
            await _db.DisposeAsync();
        }
    }

    /// <summary>One table's INSERT: columns, EF type mappings and value getters, from the model.</summary>
    private sealed class Table : IDisposable
    {
        private readonly string _name;
        private readonly ISqlGenerationHelper _sql;
        private DbCommand? _single;

        public Table(IEntityType entity, ISqlGenerationHelper sql)
        {
            _sql = sql;
            var tableName = entity.GetTableName()
                ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
            var id = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            _name = sql.DelimitIdentifier(tableName, entity.GetSchema());
            Columns = entity.GetProperties()
                .Select(p => new Column(
                    sql.DelimitIdentifier(p.GetColumnName(id) ?? p.Name),
                    p.GetRelationalTypeMapping(),
                    p.PropertyInfo ?? throw new InvalidOperationException($"{p.Name} is a shadow property."),
                    p.IsNullable))
                .ToArray();
            _key = [.. entity.FindPrimaryKey()!.Properties
                .Select(p => Array.FindIndex(Columns, c => c.Property == p.PropertyInfo))];
        }

        public Column[] Columns { get; }

        /// <summary>Indexes in <see cref="Columns"/> of the primary key's columns.</summary>
        private readonly int[] _key;

        /// <summary>A DELETE of the row with <paramref name="row"/>'s primary key.</summary>
        public DbCommand Delete(DbConnection connection, object row)
        {
            var command = connection.CreateCommand();
            var text = new System.Text.StringBuilder("DELETE FROM ").Append(_name).Append(" WHERE ");
            for (var k = 0; k < _key.Length; k++)
            {
                var column = Columns[_key[k]];
                var name = "k" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
                text.Append(k == 0 ? "" : " AND ").Append(column.Name).Append(" = ")
                    .Append(_sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(
                    column.Mapping.CreateParameter(command, _sql.GenerateParameterName(name), null, column.Nullable));
            }
            BindKey(command, row);
            command.CommandText = text.Append(';').ToString();
            return command;
        }

        /// <summary>Sets the key parameters of a <see cref="Delete"/> command.</summary>
        private void BindKey(DbCommand command, object row)
        {
            for (var k = 0; k < _key.Length; k++)
            {
                var column = Columns[_key[k]];
                var value = column.Property.GetValue(row);
                command.Parameters[k].Value = (column.Mapping.Converter is { } converter && value is not null
                    ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }
        }

        /// <summary>The prepared single-row INSERT (SQLite), created once per connection.</summary>
        public DbCommand Single(DbConnection connection)
        {
            if (_single is null)
            {
                _single = Multi(connection, 1);
                _single.Prepare();
            }
            return _single;
        }

        public DbCommand Multi(DbConnection connection, int rows)
        {
            var command = connection.CreateCommand();
            var text = new System.Text.StringBuilder("INSERT INTO ").Append(_name).Append(" (")
                .AppendJoin(", ", Columns.Select(c => c.Name)).Append(") VALUES ");
            var n = 0;
            for (var r = 0; r < rows; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Length; c++, n++)
                {
                    var name = "p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? "" : ", ").Append(_sql.GenerateParameterNamePlaceholder(name));
                    // EF's own mapping configures the parameter (DbType, SqliteType, size); values are set per row.
                    command.Parameters.Add(Columns[c].Mapping.CreateParameter(
                        command, _sql.GenerateParameterName(name), null, Columns[c].Nullable));
                }
                text.Append(')');
            }
            command.CommandText = text.Append(';').ToString();
            return command;
        }

        public void Bind(DbCommand command, int offset, object row)
        {
            for (var c = 0; c < Columns.Length; c++)
            {
                var column = Columns[c];
                var value = column.Property.GetValue(row);
                var stored = column.Mapping.Converter is { } converter && value is not null
                    ? converter.ConvertToProvider(value)
                    : value;
                command.Parameters[offset + c].Value = stored ?? DBNull.Value;
            }
        }

        public void Dispose() => _single?.Dispose();
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, System.Reflection.PropertyInfo Property,
        bool Nullable);
}
