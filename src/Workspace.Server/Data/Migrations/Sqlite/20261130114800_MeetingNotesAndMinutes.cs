using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingNotesAndMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingDocuments",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occurrence = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GeneratedRevision = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SharedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDocuments", x => x.DocumentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDocuments_MeetingId_Occurrence_Kind",
                table: "MeetingDocuments",
                columns: new[] { "MeetingId", "Occurrence", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDocuments_PartnershipId",
                table: "MeetingDocuments",
                column: "PartnershipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingDocuments");
        }
    }
}
