using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_State",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_State_ReportedAtUtc",
                table: "Cases",
                columns: new[] { "CommunityId", "State", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_HandlingDeadlineUtc",
                table: "Cases",
                columns: new[] { "State", "HandlingDeadlineUtc" });

            // Full-text index of descriptions, one token per CJK character (see SearchText).
            // A description never changes after intake, so an insert trigger keeps it whole.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE CaseSearch USING fts5(CaseId UNINDEXED, Text, tokenize = 'unicode61');");
            migrationBuilder.Sql("INSERT INTO CaseSearch (CaseId, Text) SELECT Id, cc_search_tokens(Description) FROM Cases;");
            migrationBuilder.Sql("CREATE TRIGGER Cases_Search_Insert AFTER INSERT ON Cases BEGIN INSERT INTO CaseSearch (CaseId, Text) VALUES (new.Id, cc_search_tokens(new.Description)); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Cases_Search_Insert;");
            migrationBuilder.Sql("DROP TABLE CaseSearch;");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_State_ReportedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_HandlingDeadlineUtc",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_State",
                table: "Cases",
                columns: new[] { "CommunityId", "State" });
        }
    }
}
