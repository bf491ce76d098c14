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
internal sealed class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

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
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout=0; PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException e)
            {
                // Busy or locked: the next tick tries again; the backstop keeps the log bounded meanwhile.
                logger.LogDebug(e, "WAL checkpoint skipped");
            }
        }
    }
}
