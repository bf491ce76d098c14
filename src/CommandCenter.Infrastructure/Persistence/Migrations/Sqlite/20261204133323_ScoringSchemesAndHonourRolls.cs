using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScoringSchemesAndHonourRolls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HonourRolls",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HonourRolls", x => new { x.Year, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ScoringSchemes",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringSchemes", x => new { x.Kind, x.Revision });
                });

            migrationBuilder.CreateTable(
                name: "HonourRollEntries",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SchemeRevision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HonourRollEntries", x => new { x.Year, x.Month, x.UnitId });
                    table.ForeignKey(
                        name: "FK_HonourRollEntries_HonourRolls_Year_Month",
                        columns: x => new { x.Year, x.Month },
                        principalTable: "HonourRolls",
                        principalColumns: new[] { "Year", "Month" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HonourRollEntries");

            migrationBuilder.DropTable(
                name: "ScoringSchemes");

            migrationBuilder.DropTable(
                name: "HonourRolls");
        }
    }
}
