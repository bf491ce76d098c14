using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>The bound on 不满意 reopenings; a case's earlier reopenings are counted from its timeline.</summary>
    public partial class CloseDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitsCloseDecision",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "UnsatisfiedReopenings",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(
                "UPDATE Cases SET UnsatisfiedReopenings = (SELECT COUNT(*) FROM TimelineEvents e " +
                "WHERE e.CaseId = Cases.Id AND e.Type IN ('Rated', 'RevisitRecorded') AND e.Detail = 'Rating.Unsatisfied')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwaitsCloseDecision",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "UnsatisfiedReopenings",
                table: "Cases");
        }
    }
}
