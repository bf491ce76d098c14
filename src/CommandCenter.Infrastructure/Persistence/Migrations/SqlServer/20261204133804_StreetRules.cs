using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StreetRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EvaluationEndsAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StreetRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    EvaluationWindow = table.Column<long>(type: "bigint", nullable: false),
                    RevisitWindow = table.Column<long>(type: "bigint", nullable: false),
                    UnsatisfiedReopeningsBeforeDecision = table.Column<int>(type: "int", nullable: false),
                    BacklogAfter = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StreetRules", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "StreetRules",
                columns: new[] { "Id", "BacklogAfter", "EvaluationWindow", "Revision", "RevisitWindow", "UnsatisfiedReopeningsBeforeDecision" },
                values: new object[] { 1, 51840000000000L, 6048000000000L, 1, 6048000000000L, 2 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StreetRules");

            migrationBuilder.DropColumn(
                name: "EvaluationEndsAtUtc",
                table: "Cases");
        }
    }
}
