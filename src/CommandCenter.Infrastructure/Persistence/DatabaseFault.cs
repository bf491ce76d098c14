using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>What a database exception means for the caller, when it is no fault of the code.</summary>
public enum DatabaseFault
{
    /// <summary>The database cannot be reached or is not taking work now: the same request may succeed later.</summary>
    Unavailable,

    /// <summary>A concurrent writer took the key this write chose (e.g. max+1 on another server): read again and retry.</summary>
    KeyConflict,
}

/// <summary>
/// The one rule for which database exceptions are an outage and which a lost key race, whatever wraps them
/// (EF's DbUpdateException, the execution strategy's InvalidOperationException). Anything else is a fault of the code.
/// </summary>
public static class DatabaseFaults
{
    // SQLite: BUSY and LOCKED, what a writer meets once the busy timeout has passed.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static DatabaseFault? Of(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (OfOne(e) is { } fault) return fault;
        }
        return null;
    }

    private static DatabaseFault? OfOne(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => DatabaseFault.KeyConflict,
        // Class 08 (connection exception) and the server shutting down, restarting or not yet taking connections.
        PostgresException { SqlState: var state } => state.StartsWith("08", StringComparison.Ordinal)
            || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            ? DatabaseFault.Unavailable
            : null,
        // No answer from the server at all: refused, reset, timed out.
        NpgsqlException => DatabaseFault.Unavailable,
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => DatabaseFault.KeyConflict,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => DatabaseFault.Unavailable,
        _ => null,
    };
}
