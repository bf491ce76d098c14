using System.Data.Common;
using System.Runtime.CompilerServices;
using CommandCenter.Infrastructure.Cases.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

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
/// <remarks>
/// All of it belongs to the native connection, which the pool keeps open across many opens of
/// <see cref="SqliteConnection"/> objects (one per context), so it is done once per native connection:
/// before, every open ran the pragmas again and registered the function again, one more statement and
/// one more finalizable callback handle on every query.
/// </remarks>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();
    /// <summary>About 480 MB of log, above <see cref="SqliteCheckpointer.RestartPages"/>: SQLite's own checkpoint only if the background one falls that far behind.</summary>
    public const int BackstopCheckpointPages = 120_000;

    private const int Utf8Deterministic = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;

    private static readonly string Pragmas =
        $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA mmap_size=1073741824; PRAGMA wal_autocheckpoint={BackstopCheckpointPages};";

    private static readonly ConditionalWeakTable<sqlite3, object> SetUp = new();
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSetUp(connection, out var handle)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Finish(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSetUp(connection, out var handle)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Finish(handle);
    }

    private static bool NeedsSetUp(DbConnection connection, out sqlite3 handle)
    {
        handle = ((SqliteConnection)connection).Handle!;
        return !SetUp.TryGetValue(handle, out _);
    }

    private static void Finish(sqlite3 handle)
    {
        var result = raw.sqlite3_create_function(handle, SearchText.SqlFunction, 1, Utf8Deterministic, null, SearchTokens);
        if (result != raw.SQLITE_OK) throw new SqliteException($"Could not register {SearchText.SqlFunction}: {raw.sqlite3_errmsg(handle).utf8_to_string()}", result);
        SetUp.AddOrUpdate(handle, Done);
    }

    private static void SearchTokens(sqlite3_context context, object userData, sqlite3_value[] arguments)
    {
        var text = raw.sqlite3_value_type(arguments[0]) == raw.SQLITE_NULL ? null : raw.sqlite3_value_text(arguments[0]).utf8_to_string();
        raw.sqlite3_result_text(context, SearchText.Tokens(text));
    }
}
