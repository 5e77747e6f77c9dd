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
/// before the first one was applied. Here each row is parsed from the UTF-8 the reader holds (SQLite) and applied at
/// once.
/// </summary>
public static class OperationReplay
{
    /// <summary>One stored operation; the client columns are empty unless they were asked for.</summary>
    public readonly record struct Row(
        long Revision, TextOperation Op, string ClientId, long ClientSeq, string AuthorId);

    /// <summary>
    /// Applies every stored operation of <paramref name="documentId"/> with a revision above <paramref name="after"/>
    /// and at most <paramref name="upTo"/> to <paramref name="text"/>, oldest first. Returns the last revision applied
    /// (<paramref name="after"/> when there was none).
    /// </summary>
    public static Task<long> ApplyAsync(WorkspaceDb db, Guid documentId, long after, long upTo, TextDocument text,
        CancellationToken ct) =>
        ReadAsync(db, documentId, after, upTo, withClients: false, row => text.Apply(row.Op), ct);

    /// <summary>
    /// Hands every stored operation of <paramref name="documentId"/> in (<paramref name="after"/>,
    /// <paramref name="upTo"/>] to <paramref name="each"/>, oldest first, as it is read; with
    /// <paramref name="withClients"/> its client id, number and author too. Returns the last revision read
    /// (<paramref name="after"/> when there was none).
    /// </summary>
    public static async Task<long> ReadAsync(WorkspaceDb db, Guid documentId, long after, long upTo,
        bool withClients, Action<Row> each, CancellationToken ct)
    {
        var last = after;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, documentId, after, upTo, withClients);
            await using var reader = await command.ExecuteReaderAsync(ct);
            // SQLite hands out a text column's UTF-8 as it stores it (GetBytes would open an incremental blob reader
            // per row instead); other providers give a string.
            var utf8 = reader is SqliteDataReader;
            while (await reader.ReadAsync(ct))
            {
                last = reader.GetInt64(0);
                var op = utf8
                    ? TextOperation.Parse(reader.GetFieldValue<byte[]>(1))
                    : TextOperation.Parse(reader.GetString(1));
                each(withClients
                    ? new Row(last, op, reader.GetString(2), reader.GetInt64(3), reader.GetString(4))
                    : new Row(last, op, "", 0, ""));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return last;
    }

    /// <summary>
    /// The query EF would send for the same rows, written from the model (table, columns, quoting, parameter types of
    /// this provider), so both providers and their migrations stay the single source of the schema.
    /// </summary>
    private static DbCommand Command(WorkspaceDb db, Guid documentId, long after, long upTo, bool withClients)
    {
        var entity = db.Model.FindEntityType(typeof(DocumentOperation))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var documentColumn = entity.FindProperty(nameof(DocumentOperation.DocumentId))!;
        var revisionColumn = entity.FindProperty(nameof(DocumentOperation.Revision))!;
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        string Columns(params string[] names) =>
            string.Join(", ", names.Select(n => Column(entity.FindProperty(n)!)));
        string Parameter(string name) => sql.GenerateParameterNamePlaceholder(name);

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            $"SELECT {Columns(nameof(DocumentOperation.Revision), nameof(DocumentOperation.Operation))}"
            + (withClients ? ", " + Columns(nameof(DocumentOperation.ClientId), nameof(DocumentOperation.ClientSeq),
                nameof(DocumentOperation.AuthorId)) : "")
            + $" FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"WHERE {Column(documentColumn)} = {Parameter("document")} "
            + $"AND {Column(revisionColumn)} > {Parameter("after")} "
            + $"AND {Column(revisionColumn)} <= {Parameter("upTo")} "
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
