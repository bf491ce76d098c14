using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CommandCenter.LocalServers;

/// <summary>
/// Debian's PostgreSQL 15 on a free loopback port over a data folder of the caller's, made by initdb when it holds no
/// data yet. PostgreSQL refuses to run as root, so under root (scripts/test.sh, scripts/bench.sh) it runs as the
/// package's postgres user.
/// </summary>
public sealed class LocalPostgres
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private readonly Process _process;
    private readonly bool _durable;

    private LocalPostgres(Process process, string folder, int port, bool durable)
    {
        _process = process;
        Folder = folder;
        Port = port;
        _durable = durable;
    }

    public string Folder { get; }
    public int Port { get; }

    /// <summary>The postmaster, parent of every backend.</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Trusted loopback login as postgres; callers add their own settings.</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    /// <summary>
    /// Starts a server over <paramref name="folder"/>. Durable: commits reach the disk, as production runs (the benchmarks);
    /// otherwise nothing is synced (the tests, whose databases never outlive the run).
    /// </summary>
    /// <param name="settings">More server settings, each "name=value" (track_commit_timestamp=on).</param>
    public static LocalPostgres Start(string folder, bool durable, IEnumerable<string>? settings = null)
    {
        if (!File.Exists(Path.Combine(Binaries, "postgres")))
            throw new InvalidOperationException($"{Binaries}/postgres is missing: apt-get install postgresql (scripts/test.sh and scripts/cluster.sh do).");
        Directory.CreateDirectory(folder);
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null) Run(null, "chown", [asUser, folder]);
        var data = Path.Combine(folder, "data");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            // C.UTF-8: the trigram index takes Chinese characters for letters, as the search needs.
            Run(asUser, Path.Combine(Binaries, "initdb"),
                ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", .. durable ? Array.Empty<string>() : ["--no-sync"]]);
        }
        StopLeftOver(data);
        var port = LoopbackPort.Free();
        string[] speed = durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        var process = Process.Start(Command(asUser, Path.Combine(Binaries, "postgres"), ["-D", data, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={folder}", "-c", "max_connections=300", .. speed,
            .. (settings ?? []).SelectMany(setting => new[] { "-c", setting })]))!;
        // Read and dropped, so that the server never waits on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LocalPostgres(process, folder, port, durable);
        for (var i = 0; i < 1200; i++)
        {
            try
            {
                using var connection = new NpgsqlConnection(server.ConnectionString("postgres") + ";Pooling=false");
                connection.Open();
                return server;
            }
            catch (NpgsqlException) when (!process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
        server.Stop();
        throw new InvalidOperationException("postgres did not start.");
    }

    /// <summary>Runs <paramref name="sql"/> on an unpooled connection to <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A durable server: SIGINT, a fast shutdown that leaves the folder consistent, SIGQUIT if that takes too long.
    /// Otherwise SIGQUIT at once: an immediate shutdown, the server's children included.
    /// </summary>
    public void Stop()
    {
        if (_process.HasExited) return;
        if (_durable)
        {
            Signal("-INT", _process.Id);
            if (_process.WaitForExit(20_000)) return;
        }
        Signal("-QUIT", _process.Id);
        _process.WaitForExit(10_000);
    }

    /// <summary>
    /// A kept folder's server outlives a run killed with SIGKILL: stopped here, so that this run's server can start on
    /// the folder. A pid file whose process is gone PostgreSQL itself sees as stale.
    /// </summary>
    private static void StopLeftOver(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) return;
        if (!File.Exists($"/proc/{pid}/cmdline") || !File.ReadAllText($"/proc/{pid}/cmdline").Contains("postgres", StringComparison.Ordinal)) return;
        Console.WriteLine($"  stopping the PostgreSQL (pid {pid}) an earlier run left on {data} ...");
        Signal("-INT", pid);
        for (var i = 0; i < 300 && Directory.Exists($"/proc/{pid}"); i++) Thread.Sleep(100);
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
