using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AssessmentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_HandlingRecords_EndedAtUtc",
                table: "HandlingRecords",
                column: "EndedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_HandlingRecords_HandlingDeadlineUtc",
                table: "HandlingRecords",
                column: "HandlingDeadlineUtc");

            migrationBuilder.CreateIndex(
                name: "IX_HandlingRecords_SignedAtUtc",
                table: "HandlingRecords",
                column: "SignedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_HandlingRecords_StartedAtUtc",
                table: "HandlingRecords",
                column: "StartedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HandlingRecords_EndedAtUtc",
                table: "HandlingRecords");

            migrationBuilder.DropIndex(
                name: "IX_HandlingRecords_HandlingDeadlineUtc",
                table: "HandlingRecords");

            migrationBuilder.DropIndex(
                name: "IX_HandlingRecords_SignedAtUtc",
                table: "HandlingRecords");

            migrationBuilder.DropIndex(
                name: "IX_HandlingRecords_StartedAtUtc",
                table: "HandlingRecords");
        }
    }
}
