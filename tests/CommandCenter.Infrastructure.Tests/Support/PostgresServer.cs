using System.Globalization;
using CommandCenter.LocalServers;
using Npgsql;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>
/// A <see cref="LocalPostgres"/> without durability, started once per test run (<see cref="Shared"/>) over a temporary
/// folder and stopped when the run ends; each test store is a database on it.
/// </summary>
public sealed class PostgresServer
{
    private const string FolderPrefix = "cc-postgres-";
    private const string OwnerFile = "test-host.pid";
    private static readonly Lazy<PostgresServer> Instance = new(Start);

    private readonly LocalPostgres _server;

    private PostgresServer(LocalPostgres server) => _server = server;

    public static PostgresServer Shared => Instance.Value;

    public int Port => _server.Port;

    public string ConnectionString(string database) => _server.ConnectionString(database) + ";Include Error Detail=true";

    private static PostgresServer Start()
    {
        RemoveAbandonedFolders();
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var server = new PostgresServer(LocalPostgres.Start(folder, durable: false));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>A new empty database; its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"cc_{Guid.NewGuid():N}";
        await _server.ExecuteAsync($"CREATE DATABASE {name}");
        return name;
    }

    /// <summary>An open connection to <paramref name="database"/>, for counting what the app stored.</summary>
    public async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }

    public Task DropDatabaseAsync(string name) => _server.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private void Stop()
    {
        _server.Stop();
        try { Directory.Delete(_server.Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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
}
