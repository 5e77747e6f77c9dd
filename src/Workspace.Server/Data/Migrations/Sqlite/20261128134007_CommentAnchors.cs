using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnchorRevision",
                table: "DocumentComments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AnchorTo",
                table: "DocumentComments",
                type: "INTEGER",
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
