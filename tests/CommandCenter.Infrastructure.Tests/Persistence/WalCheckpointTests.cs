using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>
/// SQLite's write-ahead log is copied back into the database file by the app's own background
/// checkpoint, not by whichever writer happens to commit past SQLite's limit (the backstop is far off).
/// </summary>
public sealed class WalCheckpointTests
{
    [Fact]
    public async Task CommittedCases_ReachTheDatabaseFileItself_WithoutAWriterCheckpointing()
    {
        await using var store = TestStore.Sqlite();
        await using var host = await TimerHost.StartAsync(store);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(await host.AcceptedCaseAsync());

        // The database file alone, as a copy without its log, holds the cases once the checkpoint has run.
        var copy = store.SqliteFile + ".copy";
        var count = await Eventually.HoldsAsync(() => CasesInFileAloneAsync(store.SqliteFile!, copy), n => n == ids.Count, TimeSpan.FromSeconds(10));

        Assert.Equal(ids.Count, count);
        File.Delete(copy);
    }

    private static async Task<long> CasesInFileAloneAsync(string file, string copy)
    {
        File.Copy(file, copy, overwrite: true);
        File.Delete(copy + "-wal");
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM Cases WHERE State = '{CaseState.PendingDispatch}'";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            // Copied while a checkpoint was writing it: look again.
            return -1;
        }
    }
}
