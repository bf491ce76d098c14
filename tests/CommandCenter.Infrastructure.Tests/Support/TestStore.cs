using CommandCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>
/// Where a test's data lives: a SQLite file of its own, or a database of its own on the run's PostgreSQL
/// server (<see cref="PostgresServer"/>) with the Quartz tables of the clustered scheduler. Gone when disposed.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string? _postgresDatabase;

    private TestStore(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqliteFile = sqliteFile;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The file, on SQLite; null on PostgreSQL.</summary>
    public string? SqliteFile { get; }

    /// <summary>The settings that point the app at this store.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:ConnectionString"] = ConnectionString,
    };

    public static TestStore Sqlite(string? file = null)
    {
        file ??= Path.Combine(Path.GetTempPath(), $"cc-test-{Guid.NewGuid():N}.db");
        return new TestStore(DatabaseProvider.Sqlite, $"Data Source={file}", file, null);
    }

    public static async Task<TestStore> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite) return Sqlite();
        if (provider != DatabaseProvider.PostgreSql) throw new NotSupportedException($"{provider} cannot run here.");
        var server = PostgresServer.Shared;
        var database = await server.CreateDatabaseAsync();
        var store = new TestStore(provider, server.ConnectionString(database), null, database);
        // The clustered scheduler's tables, from the script operators run (README).
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(RepositoryFiles.Read(RepositoryFiles.QuartzPostgresSchema), connection);
        await command.ExecuteNonQueryAsync();
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        if (SqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(SqliteFile + suffix);
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.Shared.DropDatabaseAsync(_postgresDatabase);
        }
    }
}
