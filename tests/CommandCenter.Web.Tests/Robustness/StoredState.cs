using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace CommandCenter.Web.Tests.Robustness;

/// <summary>
/// A hash of everything the app keeps about cases, people, rules and tokens, read straight from
/// the SQLite file: a refused request must leave it exactly as it was.
/// </summary>
public static class StoredState
{
    /// <summary>
    /// Tables a refused request may legitimately write: the audit log (refused sign-ins are
    /// audited), Identity's lockout counters and the keys that protect cookies.
    /// </summary>
    private static readonly string[] MayChangeOnRefusal = ["AuditEntries", "DataProtectionKeys", "__EFMigrationsHistory"];

    public static string Of(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in Tables(connection))
        {
            using var read = connection.CreateCommand();
            read.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var rows = read.ExecuteReader();
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(table));
            while (rows.Read())
                for (var i = 0; i < rows.FieldCount; i++)
                    hash.AppendData(rows.IsDBNull(i) ? [0] : rows.GetValue(i) is byte[] bytes ? bytes : System.Text.Encoding.UTF8.GetBytes(Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "\u001f"));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var list = connection.CreateCommand();
        // Full-text shadow tables follow their case rows; identity tables hold lockout counters.
        list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'AspNet%' AND name NOT LIKE '%Fts%' AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name";
        using var names = list.ExecuteReader();
        var tables = new List<string>();
        while (names.Read()) tables.Add(names.GetString(0));
        return [.. tables.Except(MayChangeOnRefusal)];
    }
}
