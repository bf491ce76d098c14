using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FacilityRetirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Facilities_CourtyardId",
                table: "Facilities");

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAtUtc",
                table: "Facilities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_CourtyardId_RetiredAtUtc",
                table: "Facilities",
                columns: new[] { "CourtyardId", "RetiredAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Facilities_CourtyardId_RetiredAtUtc",
                table: "Facilities");

            migrationBuilder.DropColumn(
                name: "RetiredAtUtc",
                table: "Facilities");

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_CourtyardId",
                table: "Facilities",
                column: "CourtyardId");
        }
    }
}
