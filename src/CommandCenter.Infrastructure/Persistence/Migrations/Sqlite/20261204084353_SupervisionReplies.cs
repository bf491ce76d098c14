using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AutoSuperviseOnOverdue",
                table: "TimePolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "AutoSuperviseOnOverdue",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupervisedAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupervisedBy",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupervisionAnswer",
                table: "Cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupervisionAnsweredAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupervisionAnsweredBy",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupervisionAutomatic",
                table: "Cases",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupervisionNote",
                table: "Cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupervisionOverdueAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupervisionReplyDueUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            // A 督办 made before replies existed ends with the work (done or closed); one still open on an
            // active case becomes a supervision whose reply deadline was its own moment, marked overdue
            // without a timeline event, so the unit can answer it and no timer fires for the past.
            migrationBuilder.Sql(
                "UPDATE Cases SET IsSupervised = 0 WHERE IsSupervised = 1 AND State NOT IN ('Reported', 'PendingDispatch', 'Dispatched', 'InProgress');");
            migrationBuilder.Sql(
                "UPDATE Cases SET SupervisedAtUtc = LastChangedAtUtc, SupervisedBy = '', SupervisionReplyDueUtc = LastChangedAtUtc, " +
                "SupervisionOverdueAtUtc = LastChangedAtUtc WHERE IsSupervised = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoSuperviseOnOverdue",
                table: "TimePolicies");

            migrationBuilder.DropColumn(
                name: "AutoSuperviseOnOverdue",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisedBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisionAnswer",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisionAnsweredAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisionAnsweredBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisionAutomatic",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisionNote",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisionOverdueAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupervisionReplyDueUtc",
                table: "Cases");
        }
    }
}
