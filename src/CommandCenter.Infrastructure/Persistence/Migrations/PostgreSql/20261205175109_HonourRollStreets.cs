using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class HonourRollStreets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HonourRollEntries_HonourRolls_Year_Month",
                table: "HonourRollEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_HonourRollPersons_HonourRolls_Year_Month",
                table: "HonourRollPersons");

            migrationBuilder.DropPrimaryKey(
                name: "PK_HonourRolls",
                table: "HonourRolls");

            migrationBuilder.DropPrimaryKey(
                name: "PK_HonourRollPersons",
                table: "HonourRollPersons");

            migrationBuilder.DropPrimaryKey(
                name: "PK_HonourRollEntries",
                table: "HonourRollEntries");

            migrationBuilder.AddColumn<int>(
                name: "StreetId",
                table: "HonourRolls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StreetId",
                table: "HonourRollPersons",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StreetId",
                table: "HonourRollEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // A 红黑榜 published before streets told them apart was the district's one street's.
            migrationBuilder.Sql("UPDATE \"HonourRolls\" SET \"StreetId\" = (SELECT MIN(\"Id\") FROM \"Streets\"); UPDATE \"HonourRollEntries\" SET \"StreetId\" = (SELECT MIN(\"Id\") FROM \"Streets\"); UPDATE \"HonourRollPersons\" SET \"StreetId\" = (SELECT MIN(\"Id\") FROM \"Streets\");");

            migrationBuilder.AddPrimaryKey(
                name: "PK_HonourRolls",
                table: "HonourRolls",
                columns: new[] { "StreetId", "Year", "Month" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_HonourRollPersons",
                table: "HonourRollPersons",
                columns: new[] { "StreetId", "Year", "Month", "StaffId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_HonourRollEntries",
                table: "HonourRollEntries",
                columns: new[] { "StreetId", "Year", "Month", "UnitId" });

            migrationBuilder.AddForeignKey(
                name: "FK_HonourRollEntries_HonourRolls_StreetId_Year_Month",
                table: "HonourRollEntries",
                columns: new[] { "StreetId", "Year", "Month" },
                principalTable: "HonourRolls",
                principalColumns: new[] { "StreetId", "Year", "Month" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_HonourRollPersons_HonourRolls_StreetId_Year_Month",
                table: "HonourRollPersons",
                columns: new[] { "StreetId", "Year", "Month" },
                principalTable: "HonourRolls",
                principalColumns: new[] { "StreetId", "Year", "Month" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HonourRollEntries_HonourRolls_StreetId_Year_Month",
                table: "HonourRollEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_HonourRollPersons_HonourRolls_StreetId_Year_Month",
                table: "HonourRollPersons");

            migrationBuilder.DropPrimaryKey(
                name: "PK_HonourRolls",
                table: "HonourRolls");

            migrationBuilder.DropPrimaryKey(
                name: "PK_HonourRollPersons",
                table: "HonourRollPersons");

            migrationBuilder.DropPrimaryKey(
                name: "PK_HonourRollEntries",
                table: "HonourRollEntries");

            migrationBuilder.DropColumn(
                name: "StreetId",
                table: "HonourRolls");

            migrationBuilder.DropColumn(
                name: "StreetId",
                table: "HonourRollPersons");

            migrationBuilder.DropColumn(
                name: "StreetId",
                table: "HonourRollEntries");

            migrationBuilder.AddPrimaryKey(
                name: "PK_HonourRolls",
                table: "HonourRolls",
                columns: new[] { "Year", "Month" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_HonourRollPersons",
                table: "HonourRollPersons",
                columns: new[] { "Year", "Month", "StaffId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_HonourRollEntries",
                table: "HonourRollEntries",
                columns: new[] { "Year", "Month", "UnitId" });

            migrationBuilder.AddForeignKey(
                name: "FK_HonourRollEntries_HonourRolls_Year_Month",
                table: "HonourRollEntries",
                columns: new[] { "Year", "Month" },
                principalTable: "HonourRolls",
                principalColumns: new[] { "Year", "Month" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_HonourRollPersons_HonourRolls_Year_Month",
                table: "HonourRollPersons",
                columns: new[] { "Year", "Month" },
                principalTable: "HonourRolls",
                principalColumns: new[] { "Year", "Month" },
                onDelete: ReferentialAction.Cascade);
        }
    }
}
