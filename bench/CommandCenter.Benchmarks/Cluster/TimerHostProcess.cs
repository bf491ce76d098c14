using System.Diagnostics;
using System.Reflection;

namespace CommandCenter.Benchmarks.Cluster;

/// <summary>
/// An app host with the clustered deadline scheduler in a process of its own (this benchmark started again in
/// <c>timer-host</c> mode), so that it can be killed with SIGKILL as a server is. It says its Quartz instance id on a
/// line "ready ID" once its scheduler runs, and stops in order when its standard input closes.
/// </summary>
internal sealed class TimerHostProcess : IAsyncDisposable
{
    public const string Mode = "timer-host";
    private const string ReadyLine = "ready ";

    private readonly Process _process;
    private readonly IDisposable _cleanup;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _cpu;

    private TimerHostProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _cleanup = BenchCleanup.Register(() =>
        {
            if (!process.HasExited) process.Kill();
        });
    }

    public string Name { get; }

    /// <summary>The scheduler's instance id, as Quartz writes it in its tables.</summary>
    public string InstanceId => _ready.Task.Result;

    /// <param name="settings">Configuration, as environment variables; the rest comes from this process's environment.</param>
    public static async Task<TimerHostProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Assembly.GetEntryAssembly()!.Location;
        var start = new ProcessStartInfo("dotnet", [dll, Mode])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var host = new TimerHostProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start a timer host."), name);
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        var exited = host._process.WaitForExitAsync();
        if (await Task.WhenAny(host._ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(5))) != host._ready.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"{name} did not start its scheduler.");
        }
        return host;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        if (line.StartsWith(ReadyLine, StringComparison.Ordinal)) _ready.TrySetResult(line[ReadyLine.Length..]);
        else Console.WriteLine($"  [{Name}] {line}");
    }

    /// <summary>What the host in this process says to its parent once its scheduler runs.</summary>
    public static void SayReady(string instanceId) => Console.WriteLine(ReadyLine + instanceId);

    /// <summary>The process's CPU time so far; after a kill, what it had used by then.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            if (_process.HasExited) return _cpu;
            _process.Refresh();
            return _cpu = _process.TotalProcessorTime;
        }
    }

    /// <summary>SIGKILL: no shutdown, its scheduler's rows left in the database as they stood.</summary>
    public void KillHard()
    {
        _ = CpuTime;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Closes its standard input: the host stops its scheduler after the sweep in hand and exits.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _ = CpuTime;
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
    }

    public ValueTask DisposeAsync()
    {
        _cleanup.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
