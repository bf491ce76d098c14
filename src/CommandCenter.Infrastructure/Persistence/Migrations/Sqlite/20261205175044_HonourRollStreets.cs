using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HonourRollStreets : Migration
    {
        // The three tables are rebuilt by hand, children dropped before their parent and written after it: EF's own rebuild
        // copies a child into a table whose foreign key names a key its parent gets only later, which SQLite refuses.
        private const string Rolls = "\"PublishedAtUtc\" TEXT NOT NULL, \"PublishedBy\" TEXT NOT NULL";
        private const string Entries = "\"UnitId\" INTEGER NOT NULL, \"Grade\" TEXT NOT NULL, \"Kind\" TEXT NOT NULL, \"List\" TEXT NOT NULL, " +
            "\"Rank\" INTEGER NOT NULL, \"SchemeRevision\" INTEGER NOT NULL, \"Score\" TEXT NOT NULL, \"UnitName\" TEXT NOT NULL";
        private const string Persons = "\"StaffId\" INTEGER NOT NULL, \"Grade\" TEXT NOT NULL, \"Kind\" TEXT NOT NULL, \"List\" TEXT NOT NULL, " +
            "\"Name\" TEXT NOT NULL, \"Rank\" INTEGER NOT NULL, \"SchemeRevision\" INTEGER NOT NULL, \"Score\" TEXT NOT NULL";
        private static readonly string[] RollColumns = ["PublishedAtUtc", "PublishedBy"];
        private static readonly string[] EntryColumns = ["UnitId", "Grade", "Kind", "List", "Rank", "SchemeRevision", "Score", "UnitName"];
        private static readonly string[] PersonColumns = ["StaffId", "Grade", "Kind", "List", "Name", "Rank", "SchemeRevision", "Score"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            // A 红黑榜 published before streets told them apart was the district's one street's.
            migrationBuilder.Sql(Rebuild(byStreet: true, "(SELECT MIN(\"Id\") FROM \"Streets\")"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(Rebuild(byStreet: false, streetValue: null));

        private static string Rebuild(bool byStreet, string streetValue)
        {
            var key = byStreet ? "\"StreetId\", \"Year\", \"Month\"" : "\"Year\", \"Month\"";
            var keyColumns = byStreet ? "\"StreetId\" INTEGER NOT NULL, \"Year\" INTEGER NOT NULL, \"Month\" INTEGER NOT NULL"
                : "\"Year\" INTEGER NOT NULL, \"Month\" INTEGER NOT NULL";
            var keyValues = byStreet ? $"{streetValue}, \"Year\", \"Month\"" : "\"Year\", \"Month\"";
            var fk = byStreet ? "StreetId_Year_Month" : "Year_Month";
            string Child(string table, string columns, string last) =>
                $"CREATE TABLE \"{table}\" ({keyColumns}, {columns}, CONSTRAINT \"PK_{table}\" PRIMARY KEY ({key}, \"{last}\"), " +
                $"CONSTRAINT \"FK_{table}_HonourRolls_{fk}\" FOREIGN KEY ({key}) REFERENCES \"HonourRolls\" ({key}) ON DELETE CASCADE);";
            string Copy(string table, string[] columns)
            {
                var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
                return $"INSERT INTO \"{table}\" ({key}, {list}) SELECT {keyValues}, {list} FROM \"old_{table}\"; DROP TABLE \"old_{table}\";";
            }
            return string.Join("\n",
                "CREATE TABLE \"old_HonourRolls\" AS SELECT * FROM \"HonourRolls\";",
                "CREATE TABLE \"old_HonourRollEntries\" AS SELECT * FROM \"HonourRollEntries\";",
                "CREATE TABLE \"old_HonourRollPersons\" AS SELECT * FROM \"HonourRollPersons\";",
                "DROP TABLE \"HonourRollEntries\"; DROP TABLE \"HonourRollPersons\"; DROP TABLE \"HonourRolls\";",
                $"CREATE TABLE \"HonourRolls\" ({keyColumns}, {Rolls}, CONSTRAINT \"PK_HonourRolls\" PRIMARY KEY ({key}));",
                Child("HonourRollEntries", Entries, "UnitId"),
                Child("HonourRollPersons", Persons, "StaffId"),
                Copy("HonourRolls", RollColumns), Copy("HonourRollEntries", EntryColumns), Copy("HonourRollPersons", PersonColumns));
        }
    }
}
