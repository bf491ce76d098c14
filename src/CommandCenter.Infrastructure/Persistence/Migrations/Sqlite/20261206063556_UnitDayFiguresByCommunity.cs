using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitDayFiguresByCommunity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The days stored so far hold no unit rows per community: forget them, and the worker computes them again with all.
            migrationBuilder.Sql("""DELETE FROM "UnitDayCounts"; DELETE FROM "UnitDayTimes"; DELETE FROM "CommunityDayCounts"; DELETE FROM "CommunityDayTimes"; DELETE FROM "PersonDayCounts"; DELETE FROM "PersonDayTimes"; DELETE FROM "ComputedAssessmentDays";""");

            migrationBuilder.CreateTable(
                name: "UnitCommunityDayCounts",
                columns: table => new
                {
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitCommunityDayCounts", x => new { x.CommunityId, x.Day, x.UnitId, x.Indicator });
                });

            migrationBuilder.CreateTable(
                name: "UnitCommunityDayTimes",
                columns: table => new
                {
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    SignForTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    HandledRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    HandlingTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitCommunityDayTimes", x => new { x.CommunityId, x.Day, x.UnitId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitCommunityDayCounts");

            migrationBuilder.DropTable(
                name: "UnitCommunityDayTimes");
        }
    }
}
