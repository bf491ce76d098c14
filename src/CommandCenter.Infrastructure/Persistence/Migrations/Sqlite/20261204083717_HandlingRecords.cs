using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Units' handling records. Rounds that ended before this migration have none: the timeline still
    /// tells their story, and a round under way now gets its record when its unit lets go.
    /// </summary>
    public partial class HandlingRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HandlingLateAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Postponements",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReworkStartedAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HandlingRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Round = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignDeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandlingDeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Postponements = table.Column<int>(type: "INTEGER", nullable: false),
                    WasDeferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SignedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandledLate = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandlingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandlingRecords_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandlingRecords_CaseId",
                table: "HandlingRecords",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_HandlingRecords_UnitId_EndedAtUtc",
                table: "HandlingRecords",
                columns: new[] { "UnitId", "EndedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandlingRecords");

            migrationBuilder.DropColumn(
                name: "HandlingLateAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Postponements",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReworkStartedAtUtc",
                table: "Cases");
        }
    }
}
