using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CreditRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RulesRevision",
                table: "CreditPublications",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RulesRevision",
                table: "CreditAutomaticRuns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CreditRuleRevisions",
                columns: table => new
                {
                    Revision = table.Column<int>(type: "int", nullable: false),
                    FromMonth = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SavedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Rules_DeductionCap = table.Column<int>(type: "int", nullable: false),
                    Rules_InspectionExcellentFrom = table.Column<int>(type: "int", nullable: false),
                    Rules_InspectionExcellentPoints = table.Column<int>(type: "int", nullable: false),
                    Rules_InspectionFailPoints = table.Column<int>(type: "int", nullable: false),
                    Rules_InspectionGoodFrom = table.Column<int>(type: "int", nullable: false),
                    Rules_InspectionGoodPoints = table.Column<int>(type: "int", nullable: false),
                    Rules_InspectionPassFrom = table.Column<int>(type: "int", nullable: false),
                    Rules_InspectionPassPoints = table.Column<int>(type: "int", nullable: false),
                    Rules_OverduePoints = table.Column<int>(type: "int", nullable: false),
                    Rules_ReworkPoints = table.Column<int>(type: "int", nullable: false),
                    Rules_SatisfactionMinimumRatings = table.Column<int>(type: "int", nullable: false),
                    Rules_SatisfactionPercent = table.Column<int>(type: "int", nullable: false),
                    Rules_SatisfactionPoints = table.Column<int>(type: "int", nullable: false),
                    Rules_UnsatisfiedPoints = table.Column<int>(type: "int", nullable: false),
                    Rules_ValidityMonths = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRuleRevisions", x => x.Revision);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditRuleRevisions");

            migrationBuilder.DropColumn(
                name: "RulesRevision",
                table: "CreditPublications");

            migrationBuilder.DropColumn(
                name: "RulesRevision",
                table: "CreditAutomaticRuns");
        }
    }
}
