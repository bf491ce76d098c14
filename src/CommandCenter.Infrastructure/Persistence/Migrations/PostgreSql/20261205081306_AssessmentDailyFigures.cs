using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SignedRounds = table.Column<int>(type: "integer", nullable: false),
                    SignForTicks = table.Column<long>(type: "bigint", nullable: false),
                    HandledRounds = table.Column<int>(type: "integer", nullable: false),
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
