using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <summary>
    /// The description's search indexes leave the case row for a table of their own. A case row changes at every step of
    /// its life, and an update PostgreSQL cannot do in place (a timer's new deadline is indexed) adds the new row to every
    /// index of the table: the two GIN indexes on the description cost more than the rest of the update together
    /// (2,000 updates: 110 ms without them, 340–880 ms with). The description is written once, at the report; a trigger
    /// copies it into "CaseSearchTexts", which only the searches read (Cases.Search.SearchText). Analysed at once: until
    /// autovacuum gets to it the planner guesses its matches and searches a million cases in parallel, four times slower.
    /// Nothing in the model: the other providers have their own search (SQLite's full-text table) or none (SQL Server scans).
    /// </summary>
    public partial class CaseSearchTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Description",
                table: "Cases");
            migrationBuilder.Sql("""DROP INDEX "IX_Cases_Description_Bigrams";""");
            migrationBuilder.Sql("""
                CREATE TABLE "CaseSearchTexts" (
                    "CaseId" uuid PRIMARY KEY REFERENCES "Cases" ("Id") ON DELETE CASCADE,
                    "Description" text NOT NULL);
                INSERT INTO "CaseSearchTexts" ("CaseId", "Description") SELECT "Id", "Description" FROM "Cases";
                CREATE INDEX "IX_CaseSearchTexts_Description" ON "CaseSearchTexts" USING gin ("Description" gin_trgm_ops);
                CREATE INDEX "IX_CaseSearchTexts_Bigrams" ON "CaseSearchTexts" USING gin (cc_bigrams("Description"));
                ANALYZE "CaseSearchTexts";
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION cc_case_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "CaseSearchTexts" ("CaseId", "Description") VALUES (NEW."Id", NEW."Description")
                    ON CONFLICT ("CaseId") DO UPDATE SET "Description" = EXCLUDED."Description";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TR_Cases_SearchText" AFTER INSERT OR UPDATE OF "Description" ON "Cases"
                    FOR EACH ROW EXECUTE FUNCTION cc_case_search_text();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_Cases_SearchText" ON "Cases";
                DROP FUNCTION cc_case_search_text();
                DROP TABLE "CaseSearchTexts";
                CREATE INDEX "IX_Cases_Description_Bigrams" ON "Cases" USING gin (cc_bigrams("Description"));
                """);
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Description",
                table: "Cases",
                column: "Description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
