using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoHandlerParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every record kept before co-handlers had parts of their own was the lead's.
            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "HandlingRecords",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "Lead");

            migrationBuilder.AddColumn<bool>(
                name: "Clock_AutoSuperviseOnOverdue",
                table: "CaseParts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_DeferredAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_DispatchedAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_HandlingDeadlineUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_HandlingLateAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Clock_HandlingLimit",
                table: "CaseParts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Clock_IsDeferred",
                table: "CaseParts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_LatestPostponementUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Clock_LongestExtension",
                table: "CaseParts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Clock_MaxPostponements",
                table: "CaseParts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_OriginalHandlingDeadlineUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_OverdueAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Clock_PolicyId",
                table: "CaseParts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Clock_PolicyRevision",
                table: "CaseParts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Clock_Postponements",
                table: "CaseParts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_ResumedAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_ReviewAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_ReviewDueAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_ReworkStartedAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_SignDeadlineUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Clock_SignForLapse",
                table: "CaseParts",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Clock_SignForLimit",
                table: "CaseParts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_SignLapseDeadlineUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_SignOverdueAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_SignedAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Clock_TimeBasis",
                table: "CaseParts",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_WarnedAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Clock_WarningAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Clock_WarningShare",
                table: "CaseParts",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Reopenings",
                table: "CaseParts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "CaseParts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReturnedAtUtc",
                table: "CaseParts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedBy",
                table: "CaseParts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Role",
                table: "HandlingRecords");

            migrationBuilder.DropColumn(
                name: "Clock_AutoSuperviseOnOverdue",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_DeferredAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_DispatchedAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_HandlingDeadlineUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_HandlingLateAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_HandlingLimit",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_IsDeferred",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_LatestPostponementUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_LongestExtension",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_MaxPostponements",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_OriginalHandlingDeadlineUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_OverdueAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_PolicyId",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_PolicyRevision",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_Postponements",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_ResumedAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_ReviewAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_ReviewDueAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_ReworkStartedAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_SignDeadlineUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_SignForLapse",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_SignForLimit",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_SignLapseDeadlineUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_SignOverdueAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_SignedAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_TimeBasis",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_WarnedAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_WarningAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Clock_WarningShare",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "Reopenings",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "ReturnedAtUtc",
                table: "CaseParts");

            migrationBuilder.DropColumn(
                name: "ReturnedBy",
                table: "CaseParts");
        }
    }
}
