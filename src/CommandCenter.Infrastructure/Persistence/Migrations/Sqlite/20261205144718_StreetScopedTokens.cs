using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StreetScopedTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StreetId",
                table: "AccessTokens",
                type: "INTEGER",
                nullable: true);

            // A display made before tokens had streets showed the district's one street; a staff token belongs to its person's street.
            migrationBuilder.Sql("UPDATE AccessTokens SET StreetId = (SELECT MIN(Id) FROM Streets) WHERE Kind = 'Display';");
            migrationBuilder.Sql("UPDATE AccessTokens SET StreetId = (SELECT StreetId FROM Staff WHERE Staff.Id = AccessTokens.StaffId) WHERE Kind = 'Staff';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StreetId",
                table: "AccessTokens");
        }
    }
}
