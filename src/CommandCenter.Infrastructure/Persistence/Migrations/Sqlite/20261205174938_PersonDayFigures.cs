using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonDayFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The days stored so far hold no person rows: forget them, and the worker computes them again with all three.
            migrationBuilder.Sql("""DELETE FROM "UnitDayCounts"; DELETE FROM "UnitDayTimes"; DELETE FROM "CommunityDayCounts"; DELETE FROM "CommunityDayTimes"; DELETE FROM "ComputedAssessmentDays";""");

            migrationBuilder.CreateTable(
                name: "PersonDayCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    Act = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonDayCounts", x => new { x.Day, x.StaffId, x.Act });
                });

            migrationBuilder.CreateTable(
                name: "PersonDayTimes",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    TimedDispatches = table.Column<int>(type: "INTEGER", nullable: false),
                    DispatchTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonDayTimes", x => new { x.Day, x.StaffId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonDayCounts");

            migrationBuilder.DropTable(
                name: "PersonDayTimes");
        }
    }
}
