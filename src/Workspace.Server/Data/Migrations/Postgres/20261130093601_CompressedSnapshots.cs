using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompressedSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Data",
                table: "DocumentSnapshots",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "DocumentSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Data",
                table: "DocumentSnapshots");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "DocumentSnapshots");
        }
    }
}
