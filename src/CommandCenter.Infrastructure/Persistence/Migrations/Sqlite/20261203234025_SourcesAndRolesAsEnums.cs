using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SourcesAndRolesAsEnums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The columns stay strings; the data is respelled so that every stored value names an enum member.
            foreach (var update in SourceAndRoleSpellings.Updates(name => $"\"{name}\"")) migrationBuilder.Sql(update);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the older code reads any string, and the old spellings cannot be told apart again (ResidentQr, Sms).
        }
    }
}
