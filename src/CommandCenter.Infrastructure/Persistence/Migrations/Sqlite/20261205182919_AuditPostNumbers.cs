using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PostNumber",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            // The audit log as read (AuditRecord) names the acting post too.
            migrationBuilder.Sql("DROP VIEW AuditLog;");
            migrationBuilder.Sql(@"CREATE VIEW AuditLog AS
SELECT AtUtc, Action, ActorName, ActorRole, StaffId, UnitId, Source, CaseId, Detail, Id AS RowId, 0 AS FromTimeline, PostNumber FROM AuditEntries
UNION ALL
SELECT OccurredAtUtc, Type, ActorName, ActorRole, ActorStaffId, ActorUnitId, Source, CaseId, NULL, Id, 1, ActorPostNumber FROM TimelineEvents;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW AuditLog;");

            // SQLite's own DROP COLUMN, not EF's DropColumn: EF rebuilds the table at the end of the migration,
            // after the view below would already be back, and a view on a table being rebuilt breaks the rename.
            migrationBuilder.Sql("ALTER TABLE \"TimelineEvents\" DROP COLUMN \"ActorPostNumber\";");
            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"PostNumber\";");
            migrationBuilder.Sql(@"CREATE VIEW AuditLog AS
SELECT AtUtc, Action, ActorName, ActorRole, StaffId, UnitId, Source, CaseId, Detail, Id AS RowId, 0 AS FromTimeline FROM AuditEntries
UNION ALL
SELECT OccurredAtUtc, Type, ActorName, ActorRole, ActorStaffId, ActorUnitId, Source, CaseId, NULL, Id, 1 FROM TimelineEvents;");
        }
    }
}
