using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PostNumber",
                table: "AuditEntries",
                type: "int",
                nullable: true);

            // The audit log as read (AuditRecord) names the acting post too.
            migrationBuilder.Sql("DROP VIEW AuditLog;");
            // EXEC: an idempotent script wraps each step in IF, and CREATE VIEW must begin its batch.
            migrationBuilder.Sql(@"EXEC('CREATE VIEW AuditLog AS
SELECT AtUtc, Action, ActorName, ActorRole, StaffId, UnitId, Source, CaseId, Detail, Id AS RowId, CAST(0 AS bit) AS FromTimeline, PostNumber FROM AuditEntries
UNION ALL
SELECT OccurredAtUtc, Type, ActorName, ActorRole, ActorStaffId, ActorUnitId, Source, CaseId, NULL, Id, CAST(1 AS bit), ActorPostNumber FROM TimelineEvents');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW AuditLog;");

            migrationBuilder.DropColumn(
                name: "ActorPostNumber",
                table: "TimelineEvents");

            migrationBuilder.DropColumn(
                name: "PostNumber",
                table: "AuditEntries");

            // The view comes back once the columns it named are gone.
            // EXEC: an idempotent script wraps each step in IF, and CREATE VIEW must begin its batch.
            migrationBuilder.Sql(@"EXEC('CREATE VIEW AuditLog AS
SELECT AtUtc, Action, ActorName, ActorRole, StaffId, UnitId, Source, CaseId, Detail, Id AS RowId, CAST(0 AS bit) AS FromTimeline FROM AuditEntries
UNION ALL
SELECT OccurredAtUtc, Type, ActorName, ActorRole, ActorStaffId, ActorUnitId, Source, CaseId, NULL, Id, CAST(1 AS bit) FROM TimelineEvents');");
        }
    }
}
