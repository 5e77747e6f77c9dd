using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OperationTimeAsTicks : Migration
    {
        /// <summary>Seconds from 0001-01-01 (.NET ticks) to 1970-01-01 (SQLite's 'unixepoch').</summary>
        private const string EpochSeconds = "62135596800";

        /// <summary>
        /// An operation's time as stored until now, "yyyy-MM-dd HH:mm:ss[.fffffff]+hh:mm" (Microsoft.Data.Sqlite's text
        /// of a DateTimeOffset, up to 7 digits of fraction, trailing zeros left out), as UTC ticks. SQLite's date
        /// functions keep only milliseconds, so they convert the whole seconds (the offset included) and the fraction
        /// is read as digits. Text it cannot read gives NULL, which the NOT NULL column refuses: the migration stops
        /// rather than store a wrong time.
        /// </summary>
        private const string TicksOfText =
            "CASE WHEN typeof(\"At\") = 'integer' THEN \"At\" ELSE " +
            "(CAST(strftime('%s', substr(\"At\", 1, 19) || substr(\"At\", -6)) AS INTEGER) + " + EpochSeconds +
            ") * 10000000 + CAST(substr(CASE WHEN substr(\"At\", 20, 1) = '.' " +
            "THEN substr(\"At\", 21, length(\"At\") - 26) ELSE '' END || '0000000', 1, 7) AS INTEGER) END";

        /// <summary>UTC ticks back to the text above (offset +00:00), for <see cref="Down"/>.</summary>
        private const string TextOfTicks =
            "strftime('%Y-%m-%d %H:%M:%S', \"At\" / 10000000 - " + EpochSeconds + ", 'unixepoch') || " +
            "CASE WHEN \"At\" % 10000000 = 0 THEN '' " +
            "ELSE '.' || rtrim(substr('000000' || (\"At\" % 10000000), -7), '0') END || '+00:00'";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One row per keystroke: the time as an INTEGER (8 bytes) instead of 33 characters of text. EF would
            // rebuild the table without WITHOUT ROWID (see CompactOperationLog) and copy the text unconverted (SQLite
            // casts '2026-11-30 ...' to 2026, year 1), so the rebuild is written here.
            Rebuild(migrationBuilder, "INTEGER", TicksOfText);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "TEXT", TextOfTicks);
        }

        private static void Rebuild(MigrationBuilder migrationBuilder, string atType, string at)
        {
            migrationBuilder.Sql(
                "CREATE TABLE \"ef_temp_DocumentOperations\" (" +
                "\"DocumentId\" TEXT NOT NULL, \"Revision\" INTEGER NOT NULL, \"ClientId\" TEXT NOT NULL, " +
                "\"ClientSeq\" INTEGER NOT NULL, \"AuthorId\" TEXT NOT NULL, \"Operation\" TEXT NOT NULL, " +
                "\"At\" " + atType + " NOT NULL, " +
                "CONSTRAINT \"PK_DocumentOperations\" PRIMARY KEY (\"DocumentId\", \"Revision\")) WITHOUT ROWID;");
            migrationBuilder.Sql(
                "INSERT INTO \"ef_temp_DocumentOperations\" " +
                "SELECT \"DocumentId\", \"Revision\", \"ClientId\", \"ClientSeq\", \"AuthorId\", \"Operation\", " + at +
                " FROM \"DocumentOperations\";");
            migrationBuilder.Sql("DROP TABLE \"DocumentOperations\";");
            migrationBuilder.Sql("ALTER TABLE \"ef_temp_DocumentOperations\" RENAME TO \"DocumentOperations\";");
            migrationBuilder.Sql(
                "CREATE UNIQUE INDEX \"IX_DocumentOperations_DocumentId_ClientId_ClientSeq\" " +
                "ON \"DocumentOperations\" (\"DocumentId\", \"ClientId\", \"ClientSeq\");");
        }
    }
}
