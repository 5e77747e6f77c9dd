using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Group commit: every document grain hands its rows to this one writer, which inserts everything queued
/// in a single transaction and then completes each caller's task. Under load a commit carries hundreds of
/// operations, so durability costs one fsync (or WAL append) per batch instead of one per keystroke.
/// </summary>
public sealed class OperationWriter(
    IDbContextFactory<WorkspaceDb> dbs,
    IOptions<DocumentOptions> options,
    ILogger<OperationWriter> log) : BackgroundService
{
    private sealed record PendingWrite(object Row, TaskCompletionSource Done);

    /// <summary>Deletes the row with <paramref name="Row"/>'s primary key, in queue order like an insert.</summary>
    public sealed record Removal(object Row);

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Batches committed so far (for diagnostics and tests).</summary>
    public long Batches { get; private set; }

    private RowStore? _store;
    private long _rows;
    private double _commitMs;
    private double _maxCommitMs;
    private long _reportedAt = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Whether the writer holds its connection open (it closes it when it stops; tests check).</summary>
    internal bool HoldsConnection => _store is not null;

    /// <summary>
    /// Completes once <paramref name="row"/> is committed; faults when the write failed. Continuations are not forced
    /// onto the thread pool: a grain's <c>await</c> posts to its activation's scheduler anyway, so completing inline
    /// saves a thread-pool hop per op. Await it from a grain (or with <c>ConfigureAwait(ConfigureAwaitOptions.ForceYielding)</c>)
    /// — a continuation without a scheduler would run on the writer and delay the next commit.
    /// </summary>
    public Task WriteAsync(object row)
    {
        var write = new PendingWrite(row, new TaskCompletionSource());
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The server is shutting down.");
        }
        return write.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkpoints = CheckpointAsync(stoppingToken);
        var batch = new List<PendingWrite>();
        var max = options.Value.MaxBatchSize;
        var window = options.Value.BatchWindow;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                if (window > TimeSpan.Zero)
                {
                    await Task.Delay(window, stoppingToken);
                }
                while (batch.Count < max && _queue.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }
                await CommitAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is already queued still gets written.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            await CommitAsync(batch);
        }
        finally
        {
            // The writer alone uses its connection, so it alone closes it, after its last commit. Not in StopAsync: a
            // host may call that twice at once (a test host does) or stop waiting for it (its shutdown timeout
            // elapsed) while a commit is still running.
            await DisposeStoreAsync();
        }
        await checkpoints.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Copies the SQLite WAL into the database file every second, off the commit path.</summary>
    private async Task CheckpointAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                if (!db.Database.IsSqlite())
                {
                    return;
                }
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "WAL checkpoint failed; retrying in a second.");
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await SaveAsync(batch.ConvertAll(w => w.Row));
            Batches++;
            Report(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var write in batch)
            {
                write.Done.TrySetResult();
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad row must not fail its neighbours: retry each on its own.
            log.LogWarning(ex, "A batch of {Count} writes failed; retrying them one by one.", batch.Count);
            // After a document's row fails, its later rows fail too: committing them would leave a gap in its log.
            var failedDocuments = new HashSet<Guid>();
            foreach (var write in batch)
            {
                var document = write.Row switch { DocumentOperation o => o.DocumentId, DocumentSnapshot s => s.DocumentId, _ => Guid.Empty };
                if (failedDocuments.Contains(document))
                {
                    write.Done.TrySetException(new InvalidOperationException("An earlier write of this document failed."));
                    continue;
                }
                try
                {
                    await SaveAsync([write.Row]);
                    write.Done.TrySetResult();
                }
                catch (Exception single)
                {
                    failedDocuments.Add(document);
                    write.Done.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
        }
    }

    /// <summary>Every 10 s of activity: how many batches, rows per batch and commit times (Information level).</summary>
    private void Report(int rows, double ms)
    {
        _rows += rows;
        _commitMs += ms;
        _maxCommitMs = Math.Max(_maxCommitMs, ms);
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_reportedAt) < TimeSpan.FromSeconds(10))
        {
            return;
        }
        log.LogInformation("Group commit: {Batches} batches, {Rows} rows ({PerBatch:0.0}/batch), commit avg {Avg:0.00} ms, max {Max:0.00} ms.",
            Batches, _rows, (double)_rows / Batches, _commitMs / Batches, _maxCommitMs);
        _reportedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> in one transaction on the writer's own connection, with plain ADO.NET commands
    /// built from the EF model (table, columns and EF's own type mappings, so values are stored exactly as EF stores
    /// them and read back by EF queries). No change tracker, no context per batch, no per-batch PRAGMA: a batch of
    /// ten ops costs tens of microseconds instead of a SaveChanges. SQLite reuses one prepared single-row INSERT per
    /// table (a statement step per row is the cheapest way in); other providers (PostgreSQL) get one multi-row INSERT
    /// per table and chunk, so a batch is a single round trip.
    /// </summary>
    private async Task SaveAsync(IReadOnlyList<object> rows)
    {
        try
        {
            var store = _store ??= await RowStore.OpenAsync(dbs, options.Value);
            await store.InsertAsync(rows);
        }
        catch
        {
            // The connection may be unusable (or mid-transaction): start over with a fresh one next time.
            await DisposeStoreAsync();
            throw;
        }
    }

    private async Task DisposeStoreAsync()
    {
        var store = _store;
        _store = null;
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>The writer's connection (held open through a context of its own) and its insert commands.</summary>
    internal sealed class RowStore : IAsyncDisposable
    {
        /// <summary>Rows per multi-row INSERT (7 parameters each stays well below every provider's parameter limit).</summary>
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

        /// <summary>A SQLite pragma's value on the writer's connection (tests check the durability settings).</summary>
        internal async Task<long> SqlitePragmaAsync(string name)
        {
            if (!_sqlite || !name.All(c => char.IsAsciiLetter(c) || c == '_'))
            {
                throw new ArgumentException("A SQLite pragma name is needed.", nameof(name));
            }
            await using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA " + name + ";";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public static async Task<RowStore> OpenAsync(IDbContextFactory<WorkspaceDb> dbs, DocumentOptions options)
        {
            var db = await dbs.CreateDbContextAsync();
            try
            {
                await db.Database.OpenConnectionAsync();
                var sqlite = db.Database.IsSqlite();
                // Per connection, so set once on the writer's own. Checkpoints run beside the writer, in
                // CheckpointAsync, not inside a commit. See DocumentOptions.
                if (sqlite && options.SqliteSynchronousNormal)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;");
                }
                else if (sqlite)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0;");
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
                var entity = _db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity.");
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
            var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
            var id = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            _name = sql.DelimitIdentifier(tableName, entity.GetSchema());
            Columns = entity.GetProperties()
                .Select(p => new Column(sql.DelimitIdentifier(p.GetColumnName(id) ?? p.Name), p.GetRelationalTypeMapping(), p.PropertyInfo ?? throw new InvalidOperationException($"{p.Name} is a shadow property."), p.IsNullable))
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
                    command.Parameters.Add(Columns[c].Mapping.CreateParameter(command, _sql.GenerateParameterName(name), null, Columns[c].Nullable));
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
                command.Parameters[offset + c].Value = (column.Mapping.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }
        }

        public void Dispose() => _single?.Dispose();
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, System.Reflection.PropertyInfo Property, bool Nullable);
}
