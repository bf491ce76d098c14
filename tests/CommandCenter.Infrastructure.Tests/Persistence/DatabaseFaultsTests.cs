using System.Net;
using System.Net.Sockets;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
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
        { Postgres(PostgresErrorCodes.TooManyConnections), DatabaseFault.Unavailable },
        { Postgres(PostgresErrorCodes.DeadlockDetected), DatabaseFault.Unavailable },
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

    [Theory]
    [InlineData(2601, 16, DatabaseFault.KeyConflict)]
    [InlineData(2627, 16, DatabaseFault.KeyConflict)]
    [InlineData(0, 20, DatabaseFault.Unavailable)]
    [InlineData(-2, 16, DatabaseFault.Unavailable)]
    [InlineData(-1, 16, DatabaseFault.Unavailable)]
    [InlineData(53, 16, DatabaseFault.Unavailable)]
    [InlineData(233, 16, DatabaseFault.Unavailable)]
    [InlineData(1205, 16, DatabaseFault.Unavailable)]
    [InlineData(4060, 16, DatabaseFault.Unavailable)]
    [InlineData(10053, 16, DatabaseFault.Unavailable)]
    [InlineData(10054, 16, DatabaseFault.Unavailable)]
    [InlineData(10060, 16, DatabaseFault.Unavailable)]
    [InlineData(10061, 16, DatabaseFault.Unavailable)]
    [InlineData(40613, 16, DatabaseFault.Unavailable)]
    // Faults of the code or the data: foreign key (547), invalid object (208), syntax (102), arithmetic overflow (8115);
    // number 0 below severity 20 is a message, not a lost connection.
    [InlineData(547, 16, null)]
    [InlineData(0, 11, null)]
    [InlineData(208, 16, null)]
    [InlineData(102, 16, null)]
    [InlineData(8115, 16, null)]
    public void OfSqlServerError_TellsOutagesAndKeyConflictsFromFaults(int number, byte severity, DatabaseFault? fault)
    {
        Assert.Equal(fault, DatabaseFaults.OfSqlServerError(number, severity));
    }

    /// <summary>
    /// SqlException has no public constructor: a real one, from a port nothing listens on (number 0, severity 20,
    /// "TCP Provider, error: 35" on Linux), bare and wrapped as EF's execution strategy would.
    /// </summary>
    [Fact]
    public async Task Of_ARealSqlServerConnectionFailure_IsAnOutage()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var connection = new SqlConnection($"Server=tcp:127.0.0.1,{port};Connect Timeout=1;Encrypt=false;User Id=cc;Password=cc");

        var refused = await Assert.ThrowsAsync<SqlException>(() => connection.OpenAsync());

        Assert.Equal(DatabaseFault.Unavailable, DatabaseFaults.Of(refused));
        Assert.Equal(DatabaseFault.Unavailable, DatabaseFaults.Of(new InvalidOperationException("transient failure", refused)));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);
}
