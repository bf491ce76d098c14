using System.Data.Common;
using CommandCenter.Infrastructure.Cases.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings: NORMAL sync is durable across process crashes in WAL mode
/// (set once per file by <see cref="DatabaseInitializer"/>); the busy timeout covers the rare
/// writer from outside the <see cref="WriteGate"/> (migrations, tools). Pages are read through a
/// memory map: each connection's own page cache starts cold after another connection's commit,
/// and a sweep or a search then walks its indexes from the shared map instead of copying each page
/// in with a system call. The log is copied back by <see cref="SqliteCheckpointer"/>; SQLite's own
/// checkpoint in a committing writer is only the backstop. Also registers the
/// function the case search trigger calls, so every connection the app opens can insert cases.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();
    /// <summary>About 80 MB of log: SQLite's own checkpoint only if the background one falls that far behind.</summary>
    public const int BackstopCheckpointPages = 20_000;

    private static readonly string Pragmas =
        $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA mmap_size=1073741824; PRAGMA wal_autocheckpoint={BackstopCheckpointPages};";

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        RegisterFunctions(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        RegisterFunctions(connection);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void RegisterFunctions(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction(SearchText.SqlFunction, (string? text) => SearchText.Tokens(text), isDeterministic: true);
}
