using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClauseLinksAndResolutionEffects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClauseLink",
                table: "Dispute",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClauseLink",
                table: "Decision",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClauseLink",
                table: "ActionItem",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DisputeEffect",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeEffect", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisputeEffect_PartnershipId_DoneAt",
                table: "DisputeEffect",
                columns: new[] { "PartnershipId", "DoneAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisputeEffect");

            migrationBuilder.DropColumn(
                name: "ClauseLink",
                table: "Dispute");

            migrationBuilder.DropColumn(
                name: "ClauseLink",
                table: "Decision");

            migrationBuilder.DropColumn(
                name: "ClauseLink",
                table: "ActionItem");
        }
    }
}
