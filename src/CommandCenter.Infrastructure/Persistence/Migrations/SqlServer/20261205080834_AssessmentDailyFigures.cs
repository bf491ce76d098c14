using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Day = table.Column<DateOnly>(type: "date", nullable: true),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentDirtyMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComputedAssessmentDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComputedAssessmentDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "UnitDayCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Indicator = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitDayCounts", x => new { x.Day, x.UnitId, x.Indicator });
                });

            migrationBuilder.CreateTable(
                name: "UnitDayTimes",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    SignedRounds = table.Column<int>(type: "int", nullable: false),
                    SignForTicks = table.Column<long>(type: "bigint", nullable: false),
                    HandledRounds = table.Column<int>(type: "int", nullable: false),
                    HandlingTicks = table.Column<long>(type: "bigint", nullable: false)
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
