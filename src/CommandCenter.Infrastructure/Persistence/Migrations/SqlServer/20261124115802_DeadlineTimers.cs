using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeadlineTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_SignDeadlineUtc",
                table: "Cases");

            migrationBuilder.AddColumn<DateTime>(
                name: "NextTimerAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OverdueAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PolicyId",
                table: "Cases",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PolicyRevision",
                table: "Cases",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignOverdueAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeBasis",
                table: "Cases",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WarnedAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    CategoryCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    AutoDispatch = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimePolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    CategoryCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    Urgency = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SignFor = table.Column<long>(type: "bigint", nullable: false),
                    Handling = table.Column<long>(type: "bigint", nullable: false),
                    WarningShare = table.Column<double>(type: "float", nullable: false),
                    Basis = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimePolicies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_NextTimerAtUtc",
                table: "Cases",
                column: "NextTimerAtUtc");

            // Cases that were open before the timers existed get their next timer from the
            // deadlines they already carry (the warning comes first while in progress).
            migrationBuilder.Sql("UPDATE [Cases] SET NextTimerAtUtc = CASE State WHEN 'Dispatched' THEN SignDeadlineUtc WHEN 'InProgress' THEN CASE WHEN IsDeferred = 0 THEN WarningAtUtc END WHEN 'PendingEvaluation' THEN DATEADD(day, 7, VerifiedAtUtc) END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "RoutingRules");

            migrationBuilder.DropTable(
                name: "TimePolicies");

            migrationBuilder.DropIndex(
                name: "IX_Cases_NextTimerAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "NextTimerAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OverdueAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PolicyId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PolicyRevision",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SignOverdueAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "TimeBasis",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WarnedAtUtc",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SignDeadlineUtc",
                table: "Cases",
                column: "SignDeadlineUtc");
        }
    }
}
