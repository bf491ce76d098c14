using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CommandCenter.Benchmarks.Cluster;

/// <summary>
/// Debian's PostgreSQL 15 on a free loopback port over a data folder of the benchmark's, with the settings
/// scripts/cluster.sh starts it with (durable commits, as production runs). A temporary folder is deleted when it
/// stops; a kept one (the queue benchmark's loaded cases) is reused by the next run. PostgreSQL refuses to run as
/// root, so under root it runs as the package's postgres user, as in the tests.
/// </summary>
internal sealed class PostgresProcess : IAsyncDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";
    public const string Database = "commandcenter";

    private readonly Process _process;
    private readonly IDisposable _cleanup;

    private PostgresProcess(Process process, int port, IDisposable cleanup)
    {
        _process = process;
        Port = port;
        _cleanup = cleanup;
    }

    public int Port { get; }

    public string ConnectionString(string database = Database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=200";

    /// <summary>The postmaster and every backend it started, ended ones included.</summary>
    public TimeSpan CpuTime => ProcessTreeCpu.Of(_process.Id);

    /// <summary>A server over a new temporary folder, deleted when it stops.</summary>
    public static Task<PostgresProcess> StartTemporaryAsync() =>
        StartAsync(Directory.CreateTempSubdirectory("cc-bench-postgres-").FullName, keep: false);

    /// <summary>A server over <paramref name="folder"/>, made by initdb when it holds no data yet.</summary>
    public static async Task<PostgresProcess> StartAsync(string folder, bool keep)
    {
        if (!File.Exists(Path.Combine(Binaries, "postgres")))
            throw new InvalidOperationException($"{Binaries}/postgres is missing: apt-get install postgresql (scripts/cluster.sh does).");
        Directory.CreateDirectory(folder);
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null) Run(null, "chown", [asUser, folder]);
        var data = Path.Combine(folder, "data");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            // C.UTF-8: the trigram index takes Chinese characters for letters, as the search needs.
            Run(asUser, Path.Combine(Binaries, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        }
        await StopLeftOverAsync(data);
        var port = Loopback.FreePort();
        var process = Process.Start(Command(asUser, Path.Combine(Binaries, "postgres"), ["-D", data, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={folder}", "-c", "max_connections=300"]))!;
        // Read and dropped, so that the server never waits on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var cleanup = BenchCleanup.Register(() =>
        {
            Stop(process);
            if (!keep) Directory.Delete(folder, recursive: true);
        });
        var server = new PostgresProcess(process, port, cleanup);
        for (var i = 0; i < 600; i++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
                await connection.OpenAsync();
                await server.EnsureDatabaseAsync(connection);
                return server;
            }
            catch (NpgsqlException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
        }
        await server.DisposeAsync();
        throw new InvalidOperationException("postgres did not start.");
    }

    /// <summary>Drops the app's database and makes it anew (a kept folder loaded for another size).</summary>
    public async Task RecreateDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        await EnsureDatabaseAsync(connection);
    }

    /// <summary>The Quartz tables of the version in use, as scripts/cluster.sh creates them.</summary>
    public async Task CreateQuartzSchemaAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, await File.ReadAllTextAsync(
            Path.Combine(Loopback.RepositoryRoot, "src/CommandCenter.Infrastructure/Deadlines/quartz-postgres.sql")));
    }

    private async Task EnsureDatabaseAsync(NpgsqlConnection connection)
    {
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", connection);
        if (await exists.ExecuteScalarAsync() is null) await ExecuteAsync(connection, $"CREATE DATABASE {Database}");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _cleanup.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A kept folder's server outlives a benchmark killed with SIGKILL: stopped here, so that this run's server can
    /// start on the folder. A pid file whose process is gone PostgreSQL itself sees as stale.
    /// </summary>
    private static async Task StopLeftOverAsync(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) return;
        if (!File.Exists($"/proc/{pid}/cmdline") || !File.ReadAllText($"/proc/{pid}/cmdline").Contains("postgres", StringComparison.Ordinal)) return;
        Console.WriteLine($"  stopping the PostgreSQL (pid {pid}) an earlier run left on {data} ...");
        Signal("-INT", pid);
        for (var i = 0; i < 300 && Directory.Exists($"/proc/{pid}"); i++) await Task.Delay(100);
    }

    /// <summary>SIGINT: a fast shutdown (a kept folder stays consistent); SIGQUIT if that takes too long.</summary>
    private static void Stop(Process process)
    {
        if (process.HasExited) return;
        Signal("-INT", process.Id);
        if (process.WaitForExit(20_000)) return;
        Signal("-QUIT", process.Id);
        process.WaitForExit(10_000);
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>setpriv, not runuser: it becomes the program, so the process we hold is postgres itself.</summary>
    private static ProcessStartInfo Command(string? asUser, string program, IEnumerable<string> arguments) =>
        asUser is null
            ? new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true }
            : new ProcessStartInfo("setpriv", ["--reuid", asUser, "--regid", asUser, "--init-groups", "--", program, .. arguments])
                { RedirectStandardOutput = true, RedirectStandardError = true };

    private static void Run(string? asUser, string program, IEnumerable<string> arguments)
    {
        using var process = Process.Start(Command(asUser, program, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {output.Result}{error}");
    }
}
