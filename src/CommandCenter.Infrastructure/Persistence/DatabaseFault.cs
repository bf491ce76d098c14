using Microsoft.Data.SqlClient;
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
/// SQL Server's rule is a function of the error number (<see cref="OfSqlServerError"/>), since SqlException cannot be built outside SqlClient.
/// </summary>
public static class DatabaseFaults
{
    // SQLite: BUSY and LOCKED, what a writer meets once the busy timeout has passed.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const byte SqlServerFatalSeverity = 20;

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
        // Class 08 (connection exception), the server shutting down, restarting or not yet taking connections, every
        // connection slot taken, and a chosen deadlock victim (the same request may succeed, as SQL Server's 1205 below).
        PostgresException { SqlState: var state } => state.StartsWith("08", StringComparison.Ordinal)
            || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.DeadlockDetected
            ? DatabaseFault.Unavailable
            : null,
        // No answer from the server at all: refused, reset, timed out.
        NpgsqlException => DatabaseFault.Unavailable,
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => DatabaseFault.KeyConflict,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => DatabaseFault.Unavailable,
        // One exception may carry several errors (e.g. the statement's and the connection's): the first that means something decides.
        SqlException sql => sql.Errors.Cast<SqlError>().Select(error => OfSqlServerError(error.Number, error.Class)).FirstOrDefault(fault => fault is not null),
        _ => null,
    };

    /// <summary>
    /// What one SQL Server error means, by its number and severity (class), as SqlClient and the server report them.
    /// SqlClient's own network layer numbers its failures 0 (the socket error is only in the message) at severity 20
    /// and above, which closes the connection: e.g. a refused connection on Linux.
    /// </summary>
    public static DatabaseFault? OfSqlServerError(int number, byte severity) => number switch
    {
        0 when severity >= SqlServerFatalSeverity => DatabaseFault.Unavailable,
        // Duplicate key in a unique index, in a unique constraint or primary key.
        2601 or 2627 => DatabaseFault.KeyConflict,
        // The client gave up: command timeout (-2), no connection could be made (-1).
        -2 or -1
            // The network: path not found (53), name no longer available (64), semaphore timeout (121), pipe closed (233),
            // connection aborted (10053), reset (10054), timed out (10060), refused (10061), host unknown (11001).
            or 53 or 64 or 121 or 233 or 10053 or 10054 or 10060 or 10061 or 11001
            // The server: database cannot be opened now (4060), a chosen deadlock victim (1205, the same request may succeed),
            // resource limits reached (10928, 10929), busy or moving (40197, 40501, 40613, 49918–49920).
            or 4060 or 1205 or 10928 or 10929 or 40197 or 40501 or 40613 or 49918 or 49919 or 49920 => DatabaseFault.Unavailable,
        _ => null,
    };
}
