using System.Diagnostics;

namespace CommandCenter.Benchmarks;

/// <summary>The real web app, started as its own process on loopback over a database file of the benchmark's.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly IDisposable _cleanup;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _cleanup = Cluster.BenchCleanup.Register(() =>
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        });
    }

    public Uri Address { get; }

    /// <summary>
    /// Starts the app and waits until it answers. Only in Development does a build output serve its
    /// static web assets (blazor.web.js, MudBlazor), so a benchmark that opens pages asks for it.
    /// </summary>
    /// <param name="settings">More configuration, as environment variables (Notices__Gateway=Http).</param>
    public static async Task<AppProcess> StartAsync(
        string webDll, string databaseFile, int port, string environment = "Production", IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = Launch(webDll, databaseFile, port, environment, settings);
        await app.WaitUntilReadyAsync("/account/login", TimeSpan.FromMinutes(2));
        return app;
    }

    /// <summary>
    /// Starts a server of several, its database and event stream given in <paramref name="settings"/>, and waits
    /// until it is ready: the first on an empty database migrates it and seeds the demo street meanwhile.
    /// </summary>
    public static async Task<AppProcess> StartServerAsync(string webDll, int port, IReadOnlyDictionary<string, string> settings)
    {
        var app = Launch(webDll, [], port, "Production", settings);
        await app.WaitUntilReadyAsync("/health/ready", TimeSpan.FromMinutes(10));
        return app;
    }

    /// <summary>The sticky reverse proxy (tools/CommandCenter.Proxy) in front of <paramref name="backends"/>.</summary>
    public static async Task<AppProcess> StartProxyAsync(string proxyDll, int port, IEnumerable<Uri> backends)
    {
        var app = Launch(proxyDll, ["--Backends", string.Join(',', backends.Select(b => b.ToString().TrimEnd('/')))], port, "Production", null);
        await app.WaitUntilReadyAsync("/health/live", TimeSpan.FromMinutes(1));
        return app;
    }

    /// <summary>Starts the app without waiting for it: its background work may begin before it answers.</summary>
    public static AppProcess Launch(
        string webDll, string databaseFile, int port, string environment = "Production", IReadOnlyDictionary<string, string>? settings = null) =>
        Launch(webDll, [], port, environment, new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Database__ConnectionString"] = $"Data Source={databaseFile}",
        });

    private static AppProcess Launch(string dll, string[] arguments, int port, string environment, IReadOnlyDictionary<string, string>? settings)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString(), .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path.GetFileName(dll)}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[app] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, address);
    }

    private async Task WaitUntilReadyAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(path)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        await DisposeAsync();
        throw new InvalidOperationException($"{Address} did not become ready.");
    }

    public int ProcessId => _process.Id;

    /// <summary>The app's CPU time so far, all threads: what a request costs, even on a busy machine.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The app's /metrics in Prometheus text, one line each.</summary>
    public async Task<string[]> MetricsAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        return (await http.GetStringAsync("/metrics")).Split('\n');
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _cleanup.Dispose();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
