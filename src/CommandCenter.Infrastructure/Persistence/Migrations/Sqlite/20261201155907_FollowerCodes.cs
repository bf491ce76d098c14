using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowerCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTrackings_CaseId",
                table: "CaseTrackings");

            migrationBuilder.AddColumn<bool>(
                name: "IsFollower",
                table: "CaseTrackings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_CaseTrackings_CaseId",
                table: "CaseTrackings",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTrackings_CaseId",
                table: "CaseTrackings");

            migrationBuilder.DropColumn(
                name: "IsFollower",
                table: "CaseTrackings");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTrackings_CaseId",
                table: "CaseTrackings",
                column: "CaseId",
                unique: true);
        }
    }
}
