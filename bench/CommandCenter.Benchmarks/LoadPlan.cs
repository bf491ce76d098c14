using CommandCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Benchmarks;

/// <summary>
/// What a benchmark file was loaded for, kept in a table of the benchmark's own inside the file: how
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
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Cases, AnchorTicks, Complete FROM BenchLoadPlan";
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync()
                ? new LoadPlan(reader.GetInt32(0), new DateTime(reader.GetInt64(1), DateTimeKind.Utc), reader.GetBoolean(2))
                : null;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    public static async Task<LoadPlan> StartAsync(CommandCenterDbContext db, int cases)
    {
        var plan = new LoadPlan(cases, DateTime.UtcNow, Complete: false);
        await db.Database.ExecuteSqlAsync($"""
            CREATE TABLE BenchLoadPlan (Cases INTEGER NOT NULL, AnchorTicks INTEGER NOT NULL, Complete INTEGER NOT NULL);
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
