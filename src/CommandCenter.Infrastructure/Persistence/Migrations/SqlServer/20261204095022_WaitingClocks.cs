using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>
    /// Clocks on the stages that wait for the street itself. Existing policy rows get the defaults of
    /// <c>WaitingLimits.DefaultFor</c> for their urgency (any urgency as 一般), in ticks; cases already
    /// waiting get a clock on their next transition.
    /// </summary>
    public partial class WaitingClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptanceLimit",
                table: "TimePolicies",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DispatchLimit",
                table: "TimePolicies",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VerificationLimit",
                table: "TimePolicies",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitDeadlineUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitOverdueAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WaitStage",
                table: "Cases",
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitStartedAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitWarningAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.Sql("UPDATE TimePolicies SET AcceptanceLimit = 6000000000, DispatchLimit = 6000000000, VerificationLimit = 72000000000 WHERE Urgency = 'Critical'");
            migrationBuilder.Sql("UPDATE TimePolicies SET AcceptanceLimit = 18000000000, DispatchLimit = 18000000000, VerificationLimit = 288000000000 WHERE Urgency = 'Urgent'");
            migrationBuilder.Sql("UPDATE TimePolicies SET AcceptanceLimit = 72000000000, DispatchLimit = 72000000000, VerificationLimit = 864000000000 WHERE Urgency = 'Normal' OR Urgency IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptanceLimit",
                table: "TimePolicies");

            migrationBuilder.DropColumn(
                name: "DispatchLimit",
                table: "TimePolicies");

            migrationBuilder.DropColumn(
                name: "VerificationLimit",
                table: "TimePolicies");

            migrationBuilder.DropColumn(
                name: "WaitDeadlineUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WaitOverdueAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WaitStage",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WaitStartedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WaitWarningAtUtc",
                table: "Cases");
        }
    }
}
