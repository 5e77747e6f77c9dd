using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Guard",
                table: "Documents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Documents that already are agreements keep their sign-off: a document loads it only when marked.
            migrationBuilder.Sql(
                "UPDATE \"Documents\" SET \"Guard\" = 'agreement' "
                + "WHERE \"Id\" IN (SELECT \"DocumentId\" FROM \"AgreementSignOffs\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Guard",
                table: "Documents");
        }
    }
}
