using System.Diagnostics;

namespace CommandCenter.Benchmarks;

/// <summary>The real web app, started as its own process on loopback over a database file of the benchmark's.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
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
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>Starts the app without waiting for it: its background work may begin before it answers.</summary>
    public static AppProcess Launch(
        string webDll, string databaseFile, int port, string environment = "Production", IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", address.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Database__ConnectionString"] = $"Data Source={databaseFile}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[app] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, address);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/account/login")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        await DisposeAsync();
        throw new InvalidOperationException("The web app did not become ready.");
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
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
