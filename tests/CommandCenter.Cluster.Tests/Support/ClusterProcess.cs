using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.LocalServers;

namespace CommandCenter.Cluster.Tests.Support;

/// <summary>
/// A command center server or the proxy, started as production starts them (<c>dotnet X.dll --urls …</c>) from
/// the build output of this repository, as scripts/cluster.sh does from its published copy.
/// </summary>
public sealed class ClusterProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ClusterProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote, line by line (its console log).</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>The tests that start servers run one after the other: two pairs of servers at once would starve both.</summary>
    public const string Collection = "Cluster servers";

    public static Uri LoopbackAddress() => new($"http://127.0.0.1:{LoopbackPort.Free()}");

    /// <summary>A server of several on one PostgreSQL; the event stream in process unless the caller adds Redis.</summary>
    public static IReadOnlyDictionary<string, string> ServerSettings(string connectionString) => new Dictionary<string, string>
    {
        // Only in Development does a build output serve its static web assets (blazor.web.js) to the wall; the
        // console log is made JSON as Production's settings make it.
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Logging__Console__FormatterName"] = "json",
        ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
        ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
        ["Database__Provider"] = "PostgreSql",
        ["Database__ConnectionString"] = connectionString,
        // A small demo street: the first server seeds it, the second finds it there.
        ["Database__DemoCaseCount"] = "20",
        ["Notices__WorkerEnabled"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        // What intake, commands and timers did to each case (CaseLog, at Debug): the tests read it from the survivor's log.
        ["Logging__LogLevel__CommandCenter.Infrastructure"] = "Debug",
    };

    /// <summary>The (CaseNumber, event id) of each JSON log line that has the field.</summary>
    public List<(string Number, int EventId)> LoggedCaseNumbers() =>
    [
        .. Output.Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(entry => entry.TryGetProperty("State", out var state) && state.TryGetProperty("CaseNumber", out _))
            .Select(entry => (entry.GetProperty("State").GetProperty("CaseNumber").GetString()!, entry.GetProperty("EventId").GetInt32())),
    ];

    public static ClusterProcess StartServer(Uri address, IReadOnlyDictionary<string, string> settings) =>
        Start("src/CommandCenter.Web", "CommandCenter.Web.dll", address, [], settings);

    public static ClusterProcess StartProxy(Uri address, IEnumerable<Uri> backends) =>
        Start("tools/CommandCenter.Proxy", "CommandCenter.Proxy.dll", address,
            ["--Backends", string.Join(',', backends.Select(b => b.ToString().TrimEnd('/')))], new Dictionary<string, string>());

    private static ClusterProcess Start(string project, string dll, Uri address, string[] arguments, IReadOnlyDictionary<string, string> settings)
    {
        // The same configuration as the test's own build (bin/Release or bin/Debug).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var folder = Path.Combine(RepositoryFiles.Root(), project, "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, dll), "--urls", address.ToString(), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in settings) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var started = new ClusterProcess(process, address);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) started.Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) started.Output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Until <paramref name="path"/> answers 200; the first server migrates and seeds meanwhile.</summary>
    public async Task WaitUntilAnswersAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Address} exited: {string.Join('\n', Output.TakeLast(30))}");
            try
            {
                if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"{Address}{path} did not answer 200 within {timeout}: {string.Join('\n', Output.TakeLast(30))}");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to Redis, PostgreSQL or the browsers.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
