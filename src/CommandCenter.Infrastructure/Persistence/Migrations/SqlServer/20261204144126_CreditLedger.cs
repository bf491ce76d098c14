using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CreditLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommitteeRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CourtyardId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    PartyLeadership = table.Column<int>(type: "int", nullable: false),
                    Institutions = table.Column<int>(type: "int", nullable: false),
                    Effectiveness = table.Column<int>(type: "int", nullable: false),
                    SocialEvaluation = table.Column<int>(type: "int", nullable: false),
                    Innovation = table.Column<int>(type: "int", nullable: false),
                    RatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RatedByStaffId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeRatings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditAutomaticRuns",
                columns: table => new
                {
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    RanAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RanBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ItemsAdded = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditAutomaticRuns", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "CreditItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Points = table.Column<int>(type: "int", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Veto = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(240)", maxLength: 240, nullable: false),
                    RuleKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RecordedByStaffId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditPublications",
                columns: table => new
                {
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditPublications", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "CreditAppeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FiledBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FiledByStaffId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditAppeals_CreditItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CreditItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditPublicationRows",
                columns: table => new
                {
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    CompanyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<int>(type: "int", nullable: false),
                    Band = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Listing = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditPublicationRows", x => new { x.Month, x.CompanyId });
                    table.ForeignKey(
                        name: "FK_CreditPublicationRows_CreditPublications_Month",
                        column: x => x.Month,
                        principalTable: "CreditPublications",
                        principalColumn: "Month",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditAppealDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AppealId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DecidedByStaffId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditAppealDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditAppealDecisions_CreditAppeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "CreditAppeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeRatings_CourtyardId_Year",
                table: "CommitteeRatings",
                columns: new[] { "CourtyardId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditAppealDecisions_AppealId",
                table: "CreditAppealDecisions",
                column: "AppealId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditAppeals_CompanyId",
                table: "CreditAppeals",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditAppeals_ItemId",
                table: "CreditAppeals",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditItems_CompanyId_Date",
                table: "CreditItems",
                columns: new[] { "CompanyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditItems_CompanyId_RuleKey",
                table: "CreditItems",
                columns: new[] { "CompanyId", "RuleKey" },
                unique: true,
                filter: "[RuleKey] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeRatings");

            migrationBuilder.DropTable(
                name: "CreditAppealDecisions");

            migrationBuilder.DropTable(
                name: "CreditAutomaticRuns");

            migrationBuilder.DropTable(
                name: "CreditPublicationRows");

            migrationBuilder.DropTable(
                name: "CreditAppeals");

            migrationBuilder.DropTable(
                name: "CreditPublications");

            migrationBuilder.DropTable(
                name: "CreditItems");
        }
    }
}
