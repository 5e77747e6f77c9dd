using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnapshotClientsInsteadOfClientIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every op wrote a leaf of this index as well as its own row (at 200 x 5 two scattered pages per op in
            // the WAL and in every checkpoint). Resubmits are answered from each client's latest op, which the grain
            // now rebuilds from the latest snapshot's Clients and the ops after it (or, for a snapshot stored before
            // this column, from the whole log). Existing rows are not touched.
            migrationBuilder.DropIndex(
                name: "IX_DocumentOperations_DocumentId_ClientId_ClientSeq",
                table: "DocumentOperations");

            migrationBuilder.AddColumn<string>(
                name: "Clients",
                table: "DocumentSnapshots",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Clients",
                table: "DocumentSnapshots");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentOperations_DocumentId_ClientId_ClientSeq",
                table: "DocumentOperations",
                columns: new[] { "DocumentId", "ClientId", "ClientSeq" },
                unique: true);
        }
    }
}
