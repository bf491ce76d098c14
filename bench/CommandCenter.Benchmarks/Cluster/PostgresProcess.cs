using CommandCenter.LocalServers;
using Npgsql;

namespace CommandCenter.Benchmarks.Cluster;

/// <summary>
/// A durable <see cref="LocalPostgres"/> (as production and scripts/cluster.sh run it) with the app's database. A
/// temporary folder is deleted when it stops; a kept one (the queue benchmark's loaded cases) is reused by the next run.
/// </summary>
internal sealed class PostgresProcess : IAsyncDisposable
{
    public const string Database = "commandcenter";

    private readonly LocalPostgres _server;
    private readonly IDisposable _cleanup;

    private PostgresProcess(LocalPostgres server, IDisposable cleanup)
    {
        _server = server;
        _cleanup = cleanup;
    }

    /// <summary>
    /// How a district's database server is set up (README, Several servers): memory for the cases' table and indexes
    /// (PostgreSQL's own 128 MB default holds neither a million cases' table, 561 MB, nor its indexes, so every search
    /// reads its pages from the operating system's cache, 10–20 µs a page), and no parallel workers for one query: the
    /// console's queries are short and many at once, and on two cores starting workers for a search's few thousand rows
    /// took longer than the search (a capped 漏水 count: 48–53 ms with workers, 20 ms without).
    /// </summary>
    private static readonly string[] ProductionSettings = ["shared_buffers=1GB", "max_parallel_workers_per_gather=0"];

    public int Port => _server.Port;

    public string ConnectionString(string database = Database) => _server.ConnectionString(database) + ";Maximum Pool Size=200";

    /// <summary>The postmaster and every backend it started, ended ones included.</summary>
    public TimeSpan CpuTime => ProcessTreeCpu.Of(_server.ProcessId);

    /// <summary>A server over a new temporary folder, deleted when it stops.</summary>
    /// <param name="settings">More server settings, each "name=value".</param>
    public static Task<PostgresProcess> StartTemporaryAsync(IEnumerable<string>? settings = null) =>
        StartAsync(Directory.CreateTempSubdirectory("cc-bench-postgres-").FullName, keep: false, settings);

    /// <summary>A server over <paramref name="folder"/>, made by initdb when it holds no data yet.</summary>
    public static async Task<PostgresProcess> StartAsync(string folder, bool keep, IEnumerable<string>? settings = null)
    {
        var server = await Task.Run(() => LocalPostgres.Start(folder, durable: true, [.. ProductionSettings, .. settings ?? []]));
        var cleanup = BenchCleanup.Register(() =>
        {
            server.Stop();
            if (!keep) Directory.Delete(folder, recursive: true);
        });
        var process = new PostgresProcess(server, cleanup);
        try
        {
            await process.EnsureDatabaseAsync();
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops the app's database and makes it anew (a kept folder loaded for another size).</summary>
    public async Task RecreateDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _server.ExecuteAsync($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        await EnsureDatabaseAsync();
    }

    /// <summary>The Quartz tables of the version in use, as scripts/cluster.sh creates them.</summary>
    public async Task CreateQuartzSchemaAsync() =>
        await _server.ExecuteAsync(await File.ReadAllTextAsync(
            Path.Combine(Loopback.RepositoryRoot, "src/CommandCenter.Infrastructure/Deadlines/quartz-postgres.sql")), Database);

    private async Task EnsureDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", connection);
        if (await exists.ExecuteScalarAsync() is null) await _server.ExecuteAsync($"CREATE DATABASE {Database}");
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _cleanup.Dispose();
        return ValueTask.CompletedTask;
    }
}
