using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AuditPostNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActorPostNumber",
                table: "TimelineEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PostNumber",
                table: "AuditEntries",
                type: "integer",
                nullable: true);

            // The audit log as read (AuditRecord) names the acting post too.
            migrationBuilder.Sql(@"DROP VIEW ""AuditLog"";");
            migrationBuilder.Sql(@"CREATE VIEW ""AuditLog"" AS
SELECT ""AtUtc"", ""Action"", ""ActorName"", ""ActorRole"", ""StaffId"", ""UnitId"", ""Source"", ""CaseId"", ""Detail"", ""Id"" AS ""RowId"", FALSE AS ""FromTimeline"", ""PostNumber"" FROM ""AuditEntries""
UNION ALL
SELECT ""OccurredAtUtc"", ""Type"", ""ActorName"", ""ActorRole"", ""ActorStaffId"", ""ActorUnitId"", ""Source"", ""CaseId"", NULL, ""Id"", TRUE, ""ActorPostNumber"" FROM ""TimelineEvents"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP VIEW ""AuditLog"";");

            migrationBuilder.DropColumn(
                name: "ActorPostNumber",
                table: "TimelineEvents");

            migrationBuilder.DropColumn(
                name: "PostNumber",
                table: "AuditEntries");

            // The view comes back once the columns it named are gone.
            migrationBuilder.Sql(@"CREATE VIEW ""AuditLog"" AS
SELECT ""AtUtc"", ""Action"", ""ActorName"", ""ActorRole"", ""StaffId"", ""UnitId"", ""Source"", ""CaseId"", ""Detail"", ""Id"" AS ""RowId"", FALSE AS ""FromTimeline"" FROM ""AuditEntries""
UNION ALL
SELECT ""OccurredAtUtc"", ""Type"", ""ActorName"", ""ActorRole"", ""ActorStaffId"", ""ActorUnitId"", ""Source"", ""CaseId"", NULL, ""Id"", TRUE FROM ""TimelineEvents"";");
        }
    }
}
