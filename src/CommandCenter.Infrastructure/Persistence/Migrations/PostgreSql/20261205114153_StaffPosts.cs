using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StaffPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PostNumber",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StaffPosts",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StaffId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    CommunityId = table.Column<int>(type: "integer", nullable: true),
                    GridId = table.Column<int>(type: "integer", nullable: true),
                    CourtyardId = table.Column<int>(type: "integer", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffPosts", x => new { x.StaffId, x.Number });
                    table.ForeignKey(
                        name: "FK_StaffPosts_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffPosts_UnitId",
                table: "StaffPosts",
                column: "UnitId");

            // Every staff member so far held one post: it becomes their post 1.
            migrationBuilder.Sql("INSERT INTO \"StaffPosts\" (\"StaffId\", \"Number\", \"Role\", \"UnitId\", \"CommunityId\", \"GridId\") SELECT \"Id\", 1, \"Role\", \"UnitId\", \"CommunityId\", \"GridId\" FROM \"Staff\";");

            migrationBuilder.DropColumn(
                name: "CommunityId",
                table: "Staff");

            migrationBuilder.DropColumn(
                name: "GridId",
                table: "Staff");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "Staff");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Staff");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PostNumber",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<int>(
                name: "CommunityId",
                table: "Staff",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GridId",
                table: "Staff",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "Staff",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Staff",
                type: "integer",
                nullable: true);

            // Back to one post each: the first.
            migrationBuilder.Sql("UPDATE \"Staff\" SET \"Role\" = (SELECT p.\"Role\" FROM \"StaffPosts\" p WHERE p.\"StaffId\" = \"Staff\".\"Id\" AND p.\"Number\" = 1), \"UnitId\" = (SELECT p.\"UnitId\" FROM \"StaffPosts\" p WHERE p.\"StaffId\" = \"Staff\".\"Id\" AND p.\"Number\" = 1), \"CommunityId\" = (SELECT p.\"CommunityId\" FROM \"StaffPosts\" p WHERE p.\"StaffId\" = \"Staff\".\"Id\" AND p.\"Number\" = 1), \"GridId\" = (SELECT p.\"GridId\" FROM \"StaffPosts\" p WHERE p.\"StaffId\" = \"Staff\".\"Id\" AND p.\"Number\" = 1);");

            migrationBuilder.DropTable(
                name: "StaffPosts");
        }
    }
}
