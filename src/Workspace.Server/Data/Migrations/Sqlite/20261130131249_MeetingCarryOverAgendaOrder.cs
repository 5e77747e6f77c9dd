using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingCarryOverAgendaOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KpiIds",
                table: "Meeting",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AgendaOrder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occurrence = table.Column<string>(type: "TEXT", maxLength: 19, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaOrder", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaOrder_PartnershipId_MeetingId",
                table: "AgendaOrder",
                columns: new[] { "PartnershipId", "MeetingId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaOrder");

            migrationBuilder.DropColumn(
                name: "KpiIds",
                table: "Meeting");
        }
    }
}
