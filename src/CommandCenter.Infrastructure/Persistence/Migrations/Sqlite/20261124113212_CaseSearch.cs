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
            // Full-text index of descriptions, one token per CJK character (see SearchText),
            // keyed by the case's rowid. Contentless: it stores tokens, not a second copy of
            // the text. A description never changes after intake, so an insert trigger suffices.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE CaseSearch USING fts5(Text, content = '', tokenize = 'unicode61');");
            migrationBuilder.Sql("INSERT INTO CaseSearch (rowid, Text) SELECT rowid, cc_search_tokens(Description) FROM Cases;");
            migrationBuilder.Sql("CREATE TRIGGER Cases_Search_Insert AFTER INSERT ON Cases BEGIN INSERT INTO CaseSearch (rowid, Text) VALUES (new.rowid, cc_search_tokens(new.Description)); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Cases_Search_Insert;");
            migrationBuilder.Sql("DROP TABLE CaseSearch;");
        }
    }
}
