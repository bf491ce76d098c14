using System.Diagnostics;
using System.Net.Http.Json;

namespace CommandCenter.Benchmarks;

/// <summary>
/// (a) of the pipeline benchmark: concurrent clients post intake to the running app for a
/// fixed time; prints throughput, latency percentiles and errors.
/// </summary>
internal static class IntakeBenchmark
{
    public static async Task RunAsync(string webDll, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        var database = Path.Combine(Path.GetTempPath(), $"cc-bench-intake-{Guid.NewGuid():N}.db");
        try
        {
            var yardstick = await MachineYardstick.MeasureAsync(database);
            await using var app = await AppProcess.StartAsync(webDll, database, port: 5311);
            await MeasureAsync(app, yardstick, clients, duration, warmUp);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    private static async Task MeasureAsync(AppProcess app, MachineYardstick yardstick, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = app.Address };
        // Calls as another system would: with a dispatcher's staff token.
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await BenchAccess.CreateAsync(app.Address)).DispatcherSecret);
        var samples = await ReportSamples.LoadAsync(http);

        Console.WriteLine($"Intake: {clients} clients, {warmUp.TotalSeconds:F0} s warm-up, {duration.TotalSeconds:F0} s measured, against {app.Address}");
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clientTasks = Enumerable.Range(0, clients).Select(client => ClientAsync(http, client, samples, measureFrom, end)).ToList();
        // CPU time over the measured window, the app's and this load generator's: they share the machine's cores.
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (measureFrom - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        var (appCpu, clientCpu, collector) = (app.CpuTime, Process.GetCurrentProcess().TotalProcessorTime, await CollectorWindow.ReadAsync(app));
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (end - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        (appCpu, clientCpu, collector) = (app.CpuTime - appCpu, Process.GetCurrentProcess().TotalProcessorTime - clientCpu, await CollectorWindow.ReadAsync(app) - collector);
        var results = await Task.WhenAll(clientTasks);

        var latencies = new LatencyStats(results.SelectMany(r => r.Latencies));
        var errors = results.Sum(r => r.Errors);
        Console.WriteLine($"  cases/s: {latencies.Count / duration.TotalSeconds:F0}  ({latencies.Count} created in the measured window)");
        Console.WriteLine($"  latency: {latencies.Describe(50, 95, 99)}");
        Console.WriteLine($"  against the yardstick: {yardstick.PerCommitRate(latencies.Count / duration.TotalSeconds, "cases")}; {yardstick.PerCommitLatency("p99", latencies.Percentile(99), 99)}");
        Console.WriteLine($"  CPU per case: app {appCpu.TotalMilliseconds * 1000 / Math.Max(1, latencies.Count):F0} µs, load generator {clientCpu.TotalMilliseconds * 1000 / Math.Max(1, latencies.Count):F0} µs "
            + $"(of {Environment.ProcessorCount} cores × {duration.TotalSeconds:F0} s: app {appCpu.TotalSeconds / duration.TotalSeconds / Environment.ProcessorCount:P0}, load generator {clientCpu.TotalSeconds / duration.TotalSeconds / Environment.ProcessorCount:P0})");
        Console.WriteLine($"  app's garbage collector over the window: {collector.Describe(duration, latencies.Count)}");
        Console.WriteLine($"  errors:  {errors}");
        Console.WriteLine($"  server working set after run: {app.WorkingSetBytes / 1024 / 1024} MB");
        foreach (var message in results.SelectMany(r => r.ErrorMessages).Distinct().Take(5)) Console.WriteLine($"  error: {message}");
    }

    private static async Task<ClientResult> ClientAsync(
        HttpClient http, int client, ReportSamples samples, long measureFrom, long end)
    {
        var random = new Random(client);
        var result = new ClientResult();
        while (Stopwatch.GetTimestamp() < end)
        {
            var request = samples.Next(random, $"压力测试来电 {client}-{random.Next()}：楼下有问题需要处理");
            var began = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync("/api/cases", request);
                if (!response.IsSuccessStatusCode) result.Fail($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}", began >= measureFrom);
                else if (began >= measureFrom) result.Latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
            catch (HttpRequestException e)
            {
                result.Fail(e.Message, began >= measureFrom);
            }
        }
        return result;
    }

    private sealed class ClientResult
    {
        public List<double> Latencies { get; } = new(100_000);
        public int Errors { get; private set; }
        public List<string> ErrorMessages { get; } = [];

        public void Fail(string message, bool counted)
        {
            if (counted) Errors++;
            if (ErrorMessages.Count < 3) ErrorMessages.Add(message);
        }
    }
}
