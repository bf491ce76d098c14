using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace CommandCenter.Web.Tests.Robustness;

/// <summary>
/// A hash of everything the app keeps about cases, people, rules and tokens, read straight from
/// the SQLite file: a refused request must leave it exactly as it was. The file is hashed again only
/// after someone committed to it (SQLite's <c>data_version</c> moves on another connection's commit),
/// so the thousands of requests that write nothing cost a pragma, not a read of every table.
/// </summary>
public sealed class StoredState(string databaseFile) : IDisposable
{
    /// <summary>
    /// Tables a refused request may legitimately write: the audit log (refused sign-ins are
    /// audited), Identity's lockout counters and the keys that protect cookies.
    /// </summary>
    private static readonly string[] MayChangeOnRefusal = ["AuditEntries", "DataProtectionKeys", "__EFMigrationsHistory"];

    private readonly SqliteConnection _connection = Opened(databaseFile);
    private long _hashedAt = -1;
    private string _hash = "";

    /// <summary>The hash of the stored data as it is now.</summary>
    public string Current()
    {
        var version = DataVersion();
        if (version != _hashedAt) (_hash, _hashedAt) = (Hash(), version);
        return _hash;
    }

    public void Dispose() => _connection.Dispose();

    private static SqliteConnection Opened(string databaseFile)
    {
        var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private long DataVersion()
    {
        using var read = _connection.CreateCommand();
        read.CommandText = "PRAGMA data_version";
        return (long)read.ExecuteScalar()!;
    }

    private string Hash()
    {
        // One snapshot for every table: a commit landing between two of them must not mix states.
        using var snapshot = _connection.BeginTransaction(deferred: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in Tables(snapshot))
        {
            using var read = _connection.CreateCommand();
            read.Transaction = snapshot;
            read.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var rows = read.ExecuteReader();
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(table));
            while (rows.Read())
                for (var i = 0; i < rows.FieldCount; i++)
                    hash.AppendData(rows.IsDBNull(i) ? [0] : rows.GetValue(i) is byte[] bytes ? bytes : System.Text.Encoding.UTF8.GetBytes(Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "\u001f"));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private List<string> Tables(SqliteTransaction snapshot)
    {
        using var list = _connection.CreateCommand();
        list.Transaction = snapshot;
        // Full-text shadow tables follow their case rows; identity tables hold lockout counters.
        list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'AspNet%' AND name NOT LIKE '%Fts%' AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name";
        using var names = list.ExecuteReader();
        var tables = new List<string>();
        while (names.Read()) tables.Add(names.GetString(0));
        return [.. tables.Except(MayChangeOnRefusal)];
    }
}
