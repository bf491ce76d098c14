using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>Provider options in one place, shared by the app, the tests and the design-time factories.</summary>
public static class DatabaseSetup
{
    public static DbContextOptionsBuilder Sqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
        return builder;
    }

    public static DbContextOptionsBuilder SqlServer(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlServer(connectionString);
        return builder;
    }
}

/// <summary>
/// Per-connection SQLite settings: WAL lets readers run beside the writer; NORMAL sync is
/// durable across process crashes in WAL mode; the busy timeout covers the rare writer from
/// outside the <see cref="WriteGate"/> (migrations, tools).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
