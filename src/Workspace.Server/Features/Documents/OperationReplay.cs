using System.Buffers;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Replays a stretch of a document's stored operations onto a text, straight off the database reader: a version read
/// replays up to half as many operations as the version is old (thousands for a large, busy document), and through EF
/// each row was materialised as an object, its JSON turned into a string and back into UTF-8, and the whole list held
/// before the first one was applied. Here each row is parsed from the reader's own UTF-8 (SQLite) and applied at once.
/// </summary>
public static class OperationReplay
{
    /// <summary>
    /// Applies every stored operation of <paramref name="documentId"/> with a revision above <paramref name="after"/>
    /// and at most <paramref name="upTo"/> to <paramref name="text"/>, oldest first. Returns the last revision applied
    /// (<paramref name="after"/> when there was none).
    /// </summary>
    public static async Task<long> ApplyAsync(WorkspaceDb db, Guid documentId, long after, long upTo,
        TextDocument text, CancellationToken ct)
    {
        var last = after;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, documentId, after, upTo);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var utf8 = reader is SqliteDataReader;
            var buffer = ArrayPool<byte>.Shared.Rent(256);
            try
            {
                while (await reader.ReadAsync(ct))
                {
                    last = reader.GetInt64(0);
                    text.Apply(utf8 ? ParseUtf8(reader, ref buffer) : TextOperation.Parse(reader.GetString(1)));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return last;
    }

    /// <summary>The operation's JSON as SQLite holds it (UTF-8), copied into a reused buffer and parsed there.</summary>
    private static TextOperation ParseUtf8(DbDataReader reader, ref byte[] buffer)
    {
        var length = (int)reader.GetBytes(1, 0, null, 0, 0);
        if (length > buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(length);
        }
        reader.GetBytes(1, 0, buffer, 0, length);
        return TextOperation.Parse(buffer.AsSpan(0, length));
    }

    /// <summary>
    /// The query EF would send for the same rows, written from the model (table, columns, quoting, parameter types of
    /// this provider), so both providers and their migrations stay the single source of the schema.
    /// </summary>
    private static DbCommand Command(WorkspaceDb db, Guid documentId, long after, long upTo)
    {
        var entity = db.Model.FindEntityType(typeof(DocumentOperation))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var documentColumn = entity.FindProperty(nameof(DocumentOperation.DocumentId))!;
        var revisionColumn = entity.FindProperty(nameof(DocumentOperation.Revision))!;
        var operationColumn = entity.FindProperty(nameof(DocumentOperation.Operation))!;
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        string Parameter(string name) => sql.GenerateParameterNamePlaceholder(name);

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            $"SELECT {Column(revisionColumn)}, {Column(operationColumn)} "
            + $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"WHERE {Column(documentColumn)} = {Parameter("document")} "
            + $"AND {Column(revisionColumn)} > {Parameter("after")} AND {Column(revisionColumn)} <= {Parameter("upTo")} "
            + $"ORDER BY {Column(revisionColumn)}";
        command.Parameters.Add(documentColumn.GetRelationalTypeMapping()
            .CreateParameter(command, sql.GenerateParameterName("document"), documentId, nullable: false));
        command.Parameters.Add(revisionColumn.GetRelationalTypeMapping()
            .CreateParameter(command, sql.GenerateParameterName("after"), after, nullable: false));
        command.Parameters.Add(revisionColumn.GetRelationalTypeMapping()
            .CreateParameter(command, sql.GenerateParameterName("upTo"), upTo, nullable: false));
        return command;
    }
}
