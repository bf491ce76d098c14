using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Benchmarks;

/// <summary>
/// What this machine can do, measured in the same run as a benchmark, so that a result can be
/// compared across machines as a ratio: single-row SQLite commits on the benchmark database's
/// file system with the app's own connection settings (WAL, the app's sync mode), and a fixed
/// single-threaded CPU workload (SHA-256 over 1 MB).
/// </summary>
internal sealed record MachineYardstick(double CommitsPerSecond, LatencyStats Commits, double HashMegabytesPerSecond)
{
    private static readonly TimeSpan CommitTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HashTime = TimeSpan.FromSeconds(2);

    /// <param name="databaseFile">The benchmark's database: the yardstick's file goes beside it.</param>
    public static async Task<MachineYardstick> MeasureAsync(string databaseFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databaseFile))!;
        var file = Path.Combine(folder, $"cc-yardstick-{Guid.NewGuid():N}.db");
        try
        {
            var (rate, latencies) = await MeasureCommitsAsync(file);
            var yardstick = new MachineYardstick(rate, latencies, MeasureHashing());
            Console.WriteLine($"Yardstick ({folder}): {yardstick.Describe()}");
            return yardstick;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"single-row commits {CommitsPerSecond:N0}/s (p50={Commits.Percentile(50):F2} ms p99={Commits.Percentile(99):F2} ms); SHA-256 {HashMegabytesPerSecond:N0} MB/s on one core");

    /// <summary>"1,424 cases/s = 2.1 × single-row commits/s".</summary>
    public string PerCommitRate(double rate, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{rate:N0} {unit}/s = {rate / CommitsPerSecond:F2} × single-row commits/s");

    /// <summary>"p99 60.5 ms = 12.3 × single-row commit p99".</summary>
    public string PerCommitLatency(string name, double milliseconds, double percentile) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} {milliseconds:F1} ms = {milliseconds / Commits.Percentile(percentile):F1} × single-row commit p{percentile}");

    /// <summary>A CPU-bound time in units of hashing one megabyte on this machine.</summary>
    public string PerHashedMegabyte(double milliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{milliseconds * HashMegabytesPerSecond / 1000:F1} MB-hash");

    /// <summary>Autocommitted single-row inserts, one after another, as a lone writer sees them.</summary>
    private static async Task<(double Rate, LatencyStats Latencies)> MeasureCommitsAsync(string file)
    {
        // The app's own connection set-up, so journal and sync mode cannot drift from what it runs with.
        var options = new DbContextOptionsBuilder<SqliteCommandCenterDbContext>();
        DatabaseSetup.Sqlite(options, $"Data Source={file}");
        await using var db = new SqliteCommandCenterDbContext(options.Options);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE Commits (Id INTEGER PRIMARY KEY, AtUtc TEXT NOT NULL, Payload TEXT NOT NULL);");
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Commits (AtUtc, Payload) VALUES ($at, $payload)";
        var at = insert.CreateParameter();
        at.ParameterName = "$at";
        insert.Parameters.Add(at);
        var payload = insert.CreateParameter();
        payload.ParameterName = "$payload";
        payload.Value = new string('x', 200);
        insert.Parameters.Add(payload);

        var latencies = new List<double>(100_000);
        var measured = Stopwatch.StartNew();
        while (measured.Elapsed < CommitTime)
        {
            at.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var began = Stopwatch.GetTimestamp();
            await insert.ExecuteNonQueryAsync();
            latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        return (latencies.Count / measured.Elapsed.TotalSeconds, new LatencyStats(latencies));
    }

    private static async Task Execute(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static double MeasureHashing()
    {
        var block = new byte[1024 * 1024];
        Random.Shared.NextBytes(block);
        var hash = new byte[SHA256.HashSizeInBytes];
        var megabytes = 0;
        var measured = Stopwatch.StartNew();
        while (measured.Elapsed < HashTime)
        {
            SHA256.HashData(block, hash);
            megabytes++;
        }
        return megabytes / measured.Elapsed.TotalSeconds;
    }
}
