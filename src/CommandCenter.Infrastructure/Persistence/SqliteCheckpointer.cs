using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file from a connection of its own, beside
/// the writer instead of inside it. Left to SQLite, the commit that crosses the log's size limit does
/// the copying and its fsync itself, while the single-writer gate is held: a timer sweep's large
/// batches paid for it on every commit. A passive checkpoint waits for nobody and blocks nobody;
/// <see cref="SqliteConnectionSetup"/> keeps SQLite's own checkpoint only as a backstop for a log
/// that grows past <see cref="SqliteConnectionSetup.BackstopCheckpointPages"/>.
/// </summary>
/// <remarks>
/// The log starts over only when a writer begins while every frame in it has been copied back, and under steady writes
/// one always begins first: the log then grew to the backstop, and every 2–3 s at full intake the commit that crossed it
/// copied and synced alone for 20–50 ms while every report waits (the intake benchmark's tail). So once the log is past
/// <see cref="RestartPages"/>, the checkpointer copies once more outside the gate, then the few frames the writes since
/// added holding the <see cref="WriteGate"/>: the next writer finds the log copied and starts it over, syncing only its
/// header. Every report waits while the gate is held, so the gated pass is made short (the second pass outside it) and
/// rare (a large log: disk is cheaper than a stall).
/// </remarks>
/// <param name="restartPages">From how many frames in the log the gated pass runs: <see cref="RestartPages"/>, smaller in tests.</param>
internal sealed class SqliteCheckpointer(string connectionString, WriteGate gate, ILogger<SqliteCheckpointer> logger, int restartPages = SqliteCheckpointer.RestartPages)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// About 400 MB of log, about every 12 s at full intake (2,000 reports a second). At 16,000 pages (every 2 s) the gated
    /// passes were in half of the intake's slowest hundredth of requests.
    /// </summary>
    public const int RestartPages = 100_000;

    // Never creates the file: until the initializer has made the database there is nothing to copy.
    private readonly string existingFile = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(existingFile);
                await connection.OpenAsync(stoppingToken);
                await using (var waitForNobody = connection.CreateCommand())
                {
                    waitForNobody.CommandText = "PRAGMA busy_timeout=0;";
                    await waitForNobody.ExecuteNonQueryAsync(stoppingToken);
                }
                if (await CheckpointAsync(connection, stoppingToken) < restartPages) continue;
                // What was written during that pass, copied and synced while writers go on: right after the 250-ms pass
                // the gated one took 30–55 ms, after a second one about 12.
                await CheckpointAsync(connection, stoppingToken);
                using (await gate.EnterAsync(stoppingToken))
                    await CheckpointAsync(connection, stoppingToken);
            }
            catch (SqliteException e)
            {
                // Busy or locked: the next tick tries again; the backstop keeps the log bounded meanwhile.
                logger.LogDebug(e, "WAL checkpoint skipped");
            }
        }
    }

    /// <summary>A passive checkpoint; returns how many frames the log holds.</summary>
    private static async Task<int> CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // The pragma answers one row: whether it was blocked, the frames in the log, the frames copied back.
        if (!await reader.ReadAsync(cancellationToken)) return 0;
        return reader.GetInt32(1);
    }
}
