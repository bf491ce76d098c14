using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssessmentDailyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentDirtyMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentDirtyMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComputedAssessmentDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComputedAssessmentDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "UnitDayCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitDayCounts", x => new { x.Day, x.UnitId, x.Indicator });
                });

            migrationBuilder.CreateTable(
                name: "UnitDayTimes",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    SignForTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    HandledRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    HandlingTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitDayTimes", x => new { x.Day, x.UnitId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentDirtyMarks");

            migrationBuilder.DropTable(
                name: "ComputedAssessmentDays");

            migrationBuilder.DropTable(
                name: "UnitDayCounts");

            migrationBuilder.DropTable(
                name: "UnitDayTimes");
        }
    }
}
