using System.Data.Common;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Benchmarks;

/// <summary>
/// What a benchmark database was loaded for, kept in a table of the benchmark's own inside it (a SQLite file or a
/// PostgreSQL database, unquoted names on both): how
/// many cases, the moment their history ends (so a resumed load generates the same cases), and
/// whether the load finished.
/// </summary>
internal sealed record LoadPlan(int Cases, DateTime AnchorUtc, bool Complete)
{
    /// <summary>The file's plan; null when there is no file or the plan was never written.</summary>
    public static async Task<LoadPlan?> ReadAsync(string file)
    {
        if (!File.Exists(file)) return null;
        try
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadWrite;Pooling=False");
            return await ReadAsync(connection);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>The PostgreSQL database's plan; null when it was never written.</summary>
    public static async Task<LoadPlan?> ReadPostgresAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            return await ReadAsync(connection);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private static async Task<LoadPlan?> ReadAsync(DbConnection connection)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Cases, AnchorTicks, Complete FROM BenchLoadPlan";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new LoadPlan(reader.GetInt32(0), new DateTime(reader.GetInt64(1), DateTimeKind.Utc), reader.GetInt32(2) != 0)
            : null;
    }

    public static async Task<LoadPlan> StartAsync(CommandCenterDbContext db, int cases)
    {
        var plan = new LoadPlan(cases, DateTime.UtcNow, Complete: false);
        await db.Database.ExecuteSqlAsync($"""
            CREATE TABLE BenchLoadPlan (Cases INTEGER NOT NULL, AnchorTicks BIGINT NOT NULL, Complete INTEGER NOT NULL);
            INSERT INTO BenchLoadPlan VALUES ({plan.Cases}, {plan.AnchorUtc.Ticks}, 0);
            """);
        return plan;
    }

    public static Task CompleteAsync(CommandCenterDbContext db) => db.Database.ExecuteSqlRawAsync("UPDATE BenchLoadPlan SET Complete = 1");

    public static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
    }
}
