using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseFacility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FacilityId",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_FacilityId_ReportedAtUtc",
                table: "Cases",
                columns: new[] { "FacilityId", "ReportedAtUtc" },
                filter: "\"FacilityId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_FacilityId_ReportedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FacilityId",
                table: "Cases");
        }
    }
}
