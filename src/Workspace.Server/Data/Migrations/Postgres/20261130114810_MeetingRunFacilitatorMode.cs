using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "AgendaItem",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SecondsSpent",
                table: "AgendaItem",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MeetingCapture",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActionItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingCapture", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRun",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Occurrence = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: true),
                    FacilitatorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CurrentItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    CurrentSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Present = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Absent = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
