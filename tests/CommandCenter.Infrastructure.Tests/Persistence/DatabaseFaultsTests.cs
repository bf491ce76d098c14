using System.Net.Sockets;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>Which database exceptions are an outage (503), which a lost key race (409), and that nothing else is either.</summary>
public sealed class DatabaseFaultsTests
{
    public static TheoryData<Exception, DatabaseFault?> Samples() => new()
    {
        { new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)), DatabaseFault.Unavailable },
        { new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), DatabaseFault.Unavailable },
        { Postgres("08006"), DatabaseFault.Unavailable },
        { Postgres("08001"), DatabaseFault.Unavailable },
        { Postgres(PostgresErrorCodes.AdminShutdown), DatabaseFault.Unavailable },
        { Postgres(PostgresErrorCodes.CrashShutdown), DatabaseFault.Unavailable },
        { Postgres(PostgresErrorCodes.CannotConnectNow), DatabaseFault.Unavailable },
        { new SqliteException("database is locked", 5, 5), DatabaseFault.Unavailable },
        { new SqliteException("database table is locked", 6, 6), DatabaseFault.Unavailable },
        { Postgres(PostgresErrorCodes.UniqueViolation), DatabaseFault.KeyConflict },
        { new SqliteException("UNIQUE constraint failed", 19, 2067), DatabaseFault.KeyConflict },
        { new SqliteException("UNIQUE constraint failed", 19, 1555), DatabaseFault.KeyConflict },
        // Wrapped as EF and its execution strategy throw them.
        { new DbUpdateException("saving", Postgres(PostgresErrorCodes.UniqueViolation)), DatabaseFault.KeyConflict },
        { new InvalidOperationException("transient failure", new NpgsqlException("timeout", new TimeoutException())), DatabaseFault.Unavailable },
        // Faults of the code or the data, not of the database's presence.
        { Postgres(PostgresErrorCodes.ForeignKeyViolation), null },
        { Postgres(PostgresErrorCodes.UndefinedTable), null },
        { Postgres(PostgresErrorCodes.SerializationFailure), null },
        { new SqliteException("FOREIGN KEY constraint failed", 19, 787), null },
        { new SqliteException("no such table", 1, 1), null },
        { new DbUpdateException("saving", new InvalidOperationException("boom")), null },
        { new InvalidOperationException("Sequence contains no elements"), null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Of_TellsOutagesAndKeyConflictsFromFaults(Exception exception, DatabaseFault? fault)
    {
        Assert.Equal(fault, DatabaseFaults.Of(exception));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);
}
