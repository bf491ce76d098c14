using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StreetsAndCourtyardOutlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StreetId",
                table: "Staff",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outline",
                table: "Courtyards",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StreetId",
                table: "Staff");

            migrationBuilder.DropColumn(
                name: "Outline",
                table: "Courtyards");
        }
    }
}
