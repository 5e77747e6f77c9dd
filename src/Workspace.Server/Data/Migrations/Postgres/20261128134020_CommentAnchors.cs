using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommentAnchors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnchorFrom",
                table: "DocumentComments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnchorRevision",
                table: "DocumentComments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AnchorTo",
                table: "DocumentComments",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnchorFrom",
                table: "DocumentComments");

            migrationBuilder.DropColumn(
                name: "AnchorRevision",
                table: "DocumentComments");

            migrationBuilder.DropColumn(
                name: "AnchorTo",
                table: "DocumentComments");
        }
    }
}
