using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingRunFacilitatorMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgendaItemId",
                table: "Decision",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SecondsSpent",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MeetingCapture",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActionItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingCapture", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRun",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occurrence = table.Column<string>(type: "TEXT", maxLength: 19, nullable: true),
                    FacilitatorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CurrentItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CurrentSince = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Present = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Absent = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRun", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCapture_PartnershipId_RunId",
                table: "MeetingCapture",
                columns: new[] { "PartnershipId", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRun_PartnershipId_MeetingId",
                table: "MeetingRun",
                columns: new[] { "PartnershipId", "MeetingId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingCapture");

            migrationBuilder.DropTable(
                name: "MeetingRun");

            migrationBuilder.DropColumn(
                name: "AgendaItemId",
                table: "Decision");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "SecondsSpent",
                table: "AgendaItem");
        }
    }
}
