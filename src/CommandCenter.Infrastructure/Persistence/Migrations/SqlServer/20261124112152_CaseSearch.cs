using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_State",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_State_ReportedAtUtc",
                table: "Cases",
                columns: new[] { "CommunityId", "State", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_HandlingDeadlineUtc",
                table: "Cases",
                columns: new[] { "State", "HandlingDeadlineUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_State_ReportedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_HandlingDeadlineUtc",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_State",
                table: "Cases",
                columns: new[] { "CommunityId", "State" });
        }
    }
}
