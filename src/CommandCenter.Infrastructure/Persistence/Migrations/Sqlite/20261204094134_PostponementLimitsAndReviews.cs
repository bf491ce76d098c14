using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostponementLimitsAndReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LongestExtension",
                table: "TimePolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "MaxPostponements",
                table: "TimePolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            // Existing policies allow one more handling limit in total, the default for new ones.
            migrationBuilder.Sql("UPDATE TimePolicies SET LongestExtension = Handling");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeferredAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LatestPostponementUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LongestExtension",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxPostponements",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OriginalHandlingDeadlineUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResumedAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewDueAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LongestExtension",
                table: "TimePolicies");

            migrationBuilder.DropColumn(
                name: "MaxPostponements",
                table: "TimePolicies");

            migrationBuilder.DropColumn(
                name: "DeferredAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LatestPostponementUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LongestExtension",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MaxPostponements",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OriginalHandlingDeadlineUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ResumedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReviewAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReviewDueAtUtc",
                table: "Cases");
        }
    }
}
