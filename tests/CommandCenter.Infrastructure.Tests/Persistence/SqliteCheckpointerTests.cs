using CommandCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>
/// Under writes that never pause, the log starts over only if the checkpointer lets it: a writer always begins before the
/// background copy is complete, so without the gated pass the log grew to SQLite's backstop and the commit crossing it
/// copied and synced alone while every report waited.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private const int RestartPages = 200;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cc-checkpointer-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task UnderWritesThatNeverPause_TheLogStartsOver()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString();
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        // SQLite's own checkpoint off: the backstop would start the log over by itself.
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;"
            + "CREATE TABLE Rows (Id INTEGER PRIMARY KEY, Body BLOB NOT NULL);");
        var gate = new WriteGate(serialise: true);
        using var checkpointer = new SqliteCheckpointer(connectionString, gate, NullLogger<SqliteCheckpointer>.Instance, RestartPages);
        await checkpointer.StartAsync(CancellationToken.None);

        // A page-sized row a transaction through the gate, one after another, until the log starts over: eight of the
        // checkpointer's ticks are enough on a quiet machine; beside the other test projects its ticks come late.
        var written = 0;
        var began = DateTime.UtcNow;
        while (DateTime.UtcNow - began < TimeSpan.FromSeconds(10) && (written % 100 != 0 || CheckpointSequence() == 0))
        {
            using (await gate.EnterAsync(CancellationToken.None))
                await ExecuteAsync(writer, "BEGIN IMMEDIATE; INSERT INTO Rows (Body) VALUES (randomblob(3000)); COMMIT;");
            written++;
        }
        await checkpointer.StopAsync(CancellationToken.None);

        // Without the gated pass (RestartPages = int.MaxValue): 0 times in 10 s, 182,103 transactions.
        Assert.True(CheckpointSequence() >= 1, $"the log started over {CheckpointSequence()} times in {written} transactions");
    }

    /// <summary>The log header's checkpoint sequence number (bytes 12–15, big-endian): it grows by one each time the log starts over.</summary>
    private uint CheckpointSequence()
    {
        using var log = new FileStream(_file + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[16];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }
}
