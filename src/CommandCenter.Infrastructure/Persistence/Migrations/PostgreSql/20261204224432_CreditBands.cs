using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CreditBands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CreditBandRevisions",
                columns: table => new
                {
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    FromMonth = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Aaa = table.Column<int>(type: "integer", nullable: false),
                    Aa = table.Column<int>(type: "integer", nullable: false),
                    A = table.Column<int>(type: "integer", nullable: false),
                    B = table.Column<int>(type: "integer", nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditBandRevisions", x => x.Revision);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditBandRevisions");
        }
    }
}
