using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignForLapse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every existing policy takes the default: a case nobody signs returns to dispatch at twice the limit.
            // Cases dispatched before this migration keep a null lapse deadline and choice: they are only
            // reminded, as when they were dispatched; their next dispatch sets both.
            migrationBuilder.AddColumn<string>(
                name: "SignForLapse",
                table: "TimePolicies",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "ReturnToDispatch");

            migrationBuilder.AddColumn<string>(
                name: "SignForLapse",
                table: "Cases",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignLapseDeadlineUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SignForLapse",
                table: "TimePolicies");

            migrationBuilder.DropColumn(
                name: "SignForLapse",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SignLapseDeadlineUtc",
                table: "Cases");
        }
    }
}
