using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>
/// Debian's PostgreSQL on a free loopback port with a data folder of its own, started once per test run
/// (<see cref="Shared"/>) and stopped when the run ends; each test store is a database on it.
/// PostgreSQL refuses to run as root, so under root (scripts/test.sh) it runs as the package's postgres user.
/// </summary>
public sealed class PostgresServer
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";
    private const string FolderPrefix = "cc-postgres-";
    private const string OwnerFile = "test-host.pid";
    private static readonly Lazy<PostgresServer> Instance = new(Start);

    private readonly Process _process;
    private readonly string _folder;

    private PostgresServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public static PostgresServer Shared => Instance.Value;

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    private static PostgresServer Start()
    {
        if (!File.Exists(Path.Combine(Binaries, "postgres")))
            throw new InvalidOperationException($"{Binaries}/postgres is missing: run scripts/test.sh, which installs Debian's postgresql package.");
        RemoveAbandonedFolders();
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null) Run("chown", [asUser, folder]);
        var data = Path.Combine(folder, "data");
        // C.UTF-8: the trigram index then takes Chinese characters for letters, as the search needs.
        Run(asUser, Path.Combine(Binaries, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        var port = FreePort();
        // Durability off: a test database never outlives the run.
        var process = Process.Start(Command(asUser, Path.Combine(Binaries, "postgres"), ["-D", data, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={folder}", "-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off", "-c", "max_connections=300"]))!;
        // Read and dropped, so that the server never waits on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PostgresServer(process, folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
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

    /// <summary>A new empty database; its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"cc_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        return name;
    }

    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private void Stop()
    {
        if (!_process.HasExited)
        {
            // SIGQUIT: immediate shutdown, the server's children included.
            using var kill = Process.Start("kill", ["-QUIT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            _process.WaitForExit(10_000);
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Data folders of earlier runs whose test host is gone: the host may be ended before its exit handler has
    /// deleted one (tens of MB each). The test projects run in parallel, each with its own server, so a folder is
    /// judged by the host that made it, never by its server alone (initdb runs for seconds before a server exists);
    /// a folder without its owner's mark is one being made right now, or one older than an hour.
    /// </summary>
    private static void RemoveAbandonedFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (!IsAbandoned(folder)) continue;
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsAbandoned(string folder)
    {
        var owner = Path.Combine(folder, OwnerFile);
        if (File.Exists(owner))
            return !(int.TryParse(File.ReadAllText(owner), out var pid) && Directory.Exists($"/proc/{pid}"));
        return Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
    }

    /// <summary>setpriv, not runuser: it becomes the program, so the process we hold is postgres itself.</summary>
    private static ProcessStartInfo Command(string? asUser, string program, IEnumerable<string> arguments) =>
        asUser is null
            ? new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true }
            : new ProcessStartInfo("setpriv", ["--reuid", asUser, "--regid", asUser, "--init-groups", "--", program, .. arguments])
                { RedirectStandardOutput = true, RedirectStandardError = true };

    private static void Run(string? asUser, string program, IEnumerable<string> arguments) => Wait(Process.Start(Command(asUser, program, arguments))!);

    private static void Run(string program, IEnumerable<string> arguments) => Wait(Process.Start(Command(null, program, arguments))!);

    private static void Wait(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{process.StartInfo.FileName} failed: {output.Result}{error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
