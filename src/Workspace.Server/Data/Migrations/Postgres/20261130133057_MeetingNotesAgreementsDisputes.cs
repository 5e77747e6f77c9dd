using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeetingNotesAgreementsDisputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgreementObligations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClauseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AnchorRevision = table.Column<long>(type: "bigint", nullable: false),
                    AnchorFrom = table.Column<int>(type: "integer", nullable: false),
                    AnchorTo = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Schedule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    OffsetDays = table.Column<int>(type: "integer", nullable: false),
                    Occurrences = table.Column<int>(type: "integer", nullable: false),
                    ActionItemIds = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementObligations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AmendsId = table.Column<Guid>(type: "uuid", nullable: true),
                    AmendmentNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignatories",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignatories", x => new { x.PartnershipId, x.PartyId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignOffs",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    RequiredParties = table.Column<string>(type: "text", nullable: false),
                    Approvals = table.Column<string>(type: "text", nullable: false),
                    LastReset = table.Column<string>(type: "text", nullable: true),
                    SignedRevision = table.Column<long>(type: "bigint", nullable: true),
                    SignedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignOffs", x => x.DocumentId);
                });

            migrationBuilder.CreateTable(
                name: "Dispute",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Clause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClauseTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PartyIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RaisedByPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RaisedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Steps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CurrentStep = table.Column<int>(type: "integer", nullable: false),
                    StepStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResolvedByProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dispute", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisputeAnswer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeAnswer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisputeEvent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Args = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeEvent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisputeMessage",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReplyToId = table.Column<Guid>(type: "uuid", nullable: true),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeMessage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisputeNote",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeNote", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisputeProposal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Plan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeProposal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDocuments",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Occurrence = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GeneratedRevision = table.Column<long>(type: "bigint", nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SharedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDocuments", x => x.DocumentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementObligations_PartnershipId_AgreementId",
                table: "AgreementObligations",
                columns: new[] { "PartnershipId", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_AmendsId_AmendmentNumber",
                table: "Agreements",
                columns: new[] { "AmendsId", "AmendmentNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_DocumentId",
                table: "Agreements",
                column: "DocumentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PartnershipId",
                table: "Agreements",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Dispute_PartnershipId_Number",
                table: "Dispute",
                columns: new[] { "PartnershipId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisputeAnswer_ProposalId_PartyId",
                table: "DisputeAnswer",
                columns: new[] { "ProposalId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisputeEvent_DisputeId_Sequence",
                table: "DisputeEvent",
                columns: new[] { "DisputeId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisputeMessage_PartnershipId_DisputeId",
                table: "DisputeMessage",
                columns: new[] { "PartnershipId", "DisputeId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisputeNote_PartnershipId_DisputeId_PartyId",
                table: "DisputeNote",
                columns: new[] { "PartnershipId", "DisputeId", "PartyId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisputeProposal_DisputeId_Number",
                table: "DisputeProposal",
                columns: new[] { "DisputeId", "Number" },
                unique: true);

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
                name: "AgreementObligations");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "AgreementSignatories");

            migrationBuilder.DropTable(
                name: "AgreementSignOffs");

            migrationBuilder.DropTable(
                name: "Dispute");

            migrationBuilder.DropTable(
                name: "DisputeAnswer");

            migrationBuilder.DropTable(
                name: "DisputeEvent");

            migrationBuilder.DropTable(
                name: "DisputeMessage");

            migrationBuilder.DropTable(
                name: "DisputeNote");

            migrationBuilder.DropTable(
                name: "DisputeProposal");

            migrationBuilder.DropTable(
                name: "MeetingDocuments");
        }
    }
}
