using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <summary>
    /// The index two-character searches read (Cases.Search.SearchText.PostgresPairMatch): a trigram index has no
    /// trigram in 漏水 to look up. The description's every pair of adjacent characters, as an array in a GIN index on an
    /// expression; PostgreSQL only, and nothing in the model, so the other providers' sets have no migration of it.
    /// </summary>
    [DbContext(typeof(PostgreSqlCommandCenterDbContext))]
    [Migration("20261205013000_CaseSearchBigrams")]
    public partial class CaseSearchBigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION cc_bigrams(text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $$ SELECT coalesce(array_agg(DISTINCT substr($1, i, 2)), '{}') FROM generate_series(1, char_length($1) - 1) AS i $$;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Cases_Description_Bigrams" ON "Cases" USING gin (cc_bigrams("Description"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Cases_Description_Bigrams";""");
            migrationBuilder.Sql("DROP FUNCTION cc_bigrams(text);");
        }
    }
}
