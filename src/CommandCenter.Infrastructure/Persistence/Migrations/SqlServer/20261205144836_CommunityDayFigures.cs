using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CommunityDayFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The days stored so far hold no community rows: forget them, and the worker computes them again with both.
            migrationBuilder.Sql("""DELETE FROM [UnitDayCounts]; DELETE FROM [UnitDayTimes]; DELETE FROM [ComputedAssessmentDays];""");

            migrationBuilder.CreateTable(
                name: "CommunityDayCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CommunityId = table.Column<int>(type: "int", nullable: false),
                    Indicator = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityDayCounts", x => new { x.Day, x.CommunityId, x.Indicator });
                });

            migrationBuilder.CreateTable(
                name: "CommunityDayTimes",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CommunityId = table.Column<int>(type: "int", nullable: false),
                    SignedRounds = table.Column<int>(type: "int", nullable: false),
                    SignForTicks = table.Column<long>(type: "bigint", nullable: false),
                    HandledRounds = table.Column<int>(type: "int", nullable: false),
                    HandlingTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityDayTimes", x => new { x.Day, x.CommunityId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityDayCounts");

            migrationBuilder.DropTable(
                name: "CommunityDayTimes");
        }
    }
}
