using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
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
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HonourRolls", x => new { x.Year, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ScoringSchemes",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Definition = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SavedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringSchemes", x => new { x.Kind, x.Revision });
                });

            migrationBuilder.CreateTable(
                name: "HonourRollEntries",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    List = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    SchemeRevision = table.Column<int>(type: "int", nullable: false)
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
