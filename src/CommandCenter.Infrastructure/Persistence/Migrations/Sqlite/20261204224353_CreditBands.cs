using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
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
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    FromMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Aaa = table.Column<int>(type: "INTEGER", nullable: false),
                    Aa = table.Column<int>(type: "INTEGER", nullable: false),
                    A = table.Column<int>(type: "INTEGER", nullable: false),
                    B = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
