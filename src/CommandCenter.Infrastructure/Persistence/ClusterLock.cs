using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>Background work that one server at a time does, whatever the number of servers.</summary>
public enum ClusterLockName
{
    DailyFigures = 1,
}

/// <summary>
/// A lock across servers, held by one database session: a PostgreSQL advisory lock, a SQL Server application lock. The
/// database lets it go when the session ends, so a server killed while holding it blocks nobody. SQLite serves one server
/// (docs/decisions/0002), which always has the lock.
/// </summary>
public static class ClusterLock
{
    // PostgreSQL's two-key advisory locks: the first key is the app's, apart from any other's on the same database.
    private const int AppKey = 0x4343_0018;

    /// <summary>
    /// Takes the lock on <paramref name="db"/>'s connection, opened and kept open until the result is disposed, or returns
    /// null at once when another session holds it. Everything read on <paramref name="db"/> meanwhile happens under the lock.
    /// </summary>
    public static async Task<IAsyncDisposable?> TryTakeAsync(DbContext db, ClusterLockName name, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite()) return Held.Nobody;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var key = (int)name;
        var resource = $"CommandCenter.{name}";
        bool taken;
        if (db.Database.IsNpgsql())
        {
            taken = (await db.Database.SqlQuery<bool>($"""SELECT pg_try_advisory_lock({AppKey}, {key}) AS "Value" """)
                .ToListAsync(cancellationToken)).Single();
        }
        else
        {
            // Not composable (EXEC), so read as a list: SingleAsync would wrap it in a SELECT.
            taken = (await db.Database.SqlQuery<int>($"""
                DECLARE @result int;
                EXEC @result = sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0;
                SELECT @result AS [Value]
                """).ToListAsync(cancellationToken)).Single() >= 0;
        }
        if (taken) return new Held(db, key, resource);
        await db.Database.CloseConnectionAsync();
        return null;
    }

    private sealed class Held(DbContext? db, int key, string resource) : IAsyncDisposable
    {
        public static readonly Held Nobody = new(null, 0, "");

        public async ValueTask DisposeAsync()
        {
            if (db is null) return;
            try
            {
                if (db.Database.IsNpgsql())
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AppKey}, {key})");
                else
                    await db.Database.ExecuteSqlAsync($"EXEC sp_releaseapplock @Resource = {resource}, @LockOwner = 'Session'");
            }
            finally
            {
                // A lock still held (the unlock failed) goes with the session, or on PostgreSQL with the pooled connection's reset.
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
