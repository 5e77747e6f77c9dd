using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompactOperationLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The operation log is most of a document's storage (one row per keystroke). As a WITHOUT ROWID table it is
            // stored in its primary key's own B-tree, so the separate key index (~55 bytes an operation) goes away.
            // EF cannot say WITHOUT ROWID in the model, so the table is rebuilt here; the model is unchanged.
            Rebuild(migrationBuilder, " WITHOUT ROWID");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "");
        }

        private static void Rebuild(MigrationBuilder migrationBuilder, string options)
        {
            migrationBuilder.Sql(
                "CREATE TABLE \"ef_temp_DocumentOperations\" (" +
                "\"DocumentId\" TEXT NOT NULL, \"Revision\" INTEGER NOT NULL, \"ClientId\" TEXT NOT NULL, " +
                "\"ClientSeq\" INTEGER NOT NULL, \"AuthorId\" TEXT NOT NULL, \"Operation\" TEXT NOT NULL, " +
                "\"At\" TEXT NOT NULL, " +
                "CONSTRAINT \"PK_DocumentOperations\" PRIMARY KEY (\"DocumentId\", \"Revision\"))" + options + ";");
            migrationBuilder.Sql(
                "INSERT INTO \"ef_temp_DocumentOperations\" " +
                "SELECT \"DocumentId\", \"Revision\", \"ClientId\", \"ClientSeq\", \"AuthorId\", " +
                "\"Operation\", \"At\" " +
                "FROM \"DocumentOperations\";");
            migrationBuilder.Sql("DROP TABLE \"DocumentOperations\";");
            migrationBuilder.Sql("ALTER TABLE \"ef_temp_DocumentOperations\" RENAME TO \"DocumentOperations\";");
            migrationBuilder.Sql(
                "CREATE UNIQUE INDEX \"IX_DocumentOperations_DocumentId_ClientId_ClientSeq\" " +
                "ON \"DocumentOperations\" (\"DocumentId\", \"ClientId\", \"ClientSeq\");");
        }
    }
}
