using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AuditDetailLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL changes no column's type under a view: the audit log's view is dropped and made again as it was.
            migrationBuilder.Sql(@"DROP VIEW ""AuditLog"";");
            migrationBuilder.AlterColumn<string>(
                name: "Detail",
                table: "AuditEntries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);
            migrationBuilder.Sql(@"CREATE VIEW ""AuditLog"" AS
SELECT ""AtUtc"", ""Action"", ""ActorName"", ""ActorRole"", ""StaffId"", ""UnitId"", ""Source"", ""CaseId"", ""Detail"", ""Id"" AS ""RowId"", FALSE AS ""FromTimeline"", ""PostNumber"" FROM ""AuditEntries""
UNION ALL
SELECT ""OccurredAtUtc"", ""Type"", ""ActorName"", ""ActorRole"", ""ActorStaffId"", ""ActorUnitId"", ""Source"", ""CaseId"", NULL, ""Id"", TRUE, ""ActorPostNumber"" FROM ""TimelineEvents"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL changes no column's type under a view: the audit log's view is dropped and made again as it was.
            migrationBuilder.Sql(@"DROP VIEW ""AuditLog"";");
            migrationBuilder.AlterColumn<string>(
                name: "Detail",
                table: "AuditEntries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);
            migrationBuilder.Sql(@"CREATE VIEW ""AuditLog"" AS
SELECT ""AtUtc"", ""Action"", ""ActorName"", ""ActorRole"", ""StaffId"", ""UnitId"", ""Source"", ""CaseId"", ""Detail"", ""Id"" AS ""RowId"", FALSE AS ""FromTimeline"", ""PostNumber"" FROM ""AuditEntries""
UNION ALL
SELECT ""OccurredAtUtc"", ""Type"", ""ActorName"", ""ActorRole"", ""ActorStaffId"", ""ActorUnitId"", ""Source"", ""CaseId"", NULL, ""Id"", TRUE, ""ActorPostNumber"" FROM ""TimelineEvents"";");
        }
    }
}
