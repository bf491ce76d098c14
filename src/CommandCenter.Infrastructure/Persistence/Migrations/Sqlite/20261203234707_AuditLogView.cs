using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditLogView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_ActorStaffId",
                table: "TimelineEvents",
                column: "ActorStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_ActorUnitId",
                table: "TimelineEvents",
                column: "ActorUnitId");

            // A case act's audit line is its timeline event from now on: the copies written so far go,
            // exactly those that repeat an event (same case, instant and type); the log reads the view.
            migrationBuilder.Sql(@"DELETE FROM AuditEntries WHERE CaseId IS NOT NULL AND EXISTS (
    SELECT 1 FROM TimelineEvents t WHERE t.CaseId = AuditEntries.CaseId AND t.OccurredAtUtc = AuditEntries.AtUtc AND t.Type = AuditEntries.Action);");
            migrationBuilder.Sql(@"CREATE VIEW AuditLog AS
SELECT AtUtc, Action, ActorName, ActorRole, StaffId, UnitId, Source, CaseId, Detail, Id AS RowId, 0 AS FromTimeline FROM AuditEntries
UNION ALL
SELECT OccurredAtUtc, Type, ActorName, ActorRole, ActorStaffId, ActorUnitId, Source, CaseId, NULL, Id, 1 FROM TimelineEvents;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW AuditLog;");
            migrationBuilder.Sql(@"INSERT INTO AuditEntries (AtUtc, Action, ActorName, ActorRole, StaffId, UnitId, Source, CaseId)
SELECT OccurredAtUtc, Type, ActorName, ActorRole, ActorStaffId, ActorUnitId, Source, CaseId FROM TimelineEvents;");
            migrationBuilder.DropIndex(
                name: "IX_TimelineEvents_ActorStaffId",
                table: "TimelineEvents");

            migrationBuilder.DropIndex(
                name: "IX_TimelineEvents_ActorUnitId",
                table: "TimelineEvents");
        }
    }
}
