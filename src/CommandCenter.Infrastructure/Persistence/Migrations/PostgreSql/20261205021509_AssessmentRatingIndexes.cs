using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AssessmentRatingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_Ratings_OccurredAtUtc",
                table: "TimelineEvents",
                column: "OccurredAtUtc",
                filter: "\"Type\" IN ('Rated', 'RevisitRecorded', 'AutoClosed')");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_Unsatisfied_CaseId_UnitId",
                table: "TimelineEvents",
                columns: new[] { "CaseId", "UnitId" },
                filter: "\"Detail\" = 'Rating.Unsatisfied'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TimelineEvents_Ratings_OccurredAtUtc",
                table: "TimelineEvents");

            migrationBuilder.DropIndex(
                name: "IX_TimelineEvents_Unsatisfied_CaseId_UnitId",
                table: "TimelineEvents");
        }
    }
}
