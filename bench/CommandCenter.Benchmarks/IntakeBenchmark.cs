using System.Diagnostics;
using System.Net.Http.Json;
using CommandCenter.Benchmarks.Cluster;

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
            await MeasureAsync(app.Address, [app], [], yardstick, clients, duration, warmUp);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    /// <summary>
    /// The same load through the sticky proxy to <paramref name="servers"/> servers on one PostgreSQL and one Redis
    /// (as scripts/cluster.sh runs them): what a second server buys, and what each process spends per case.
    /// </summary>
    public static async Task RunClusterAsync(string webDll, int servers, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        var yardstick = await MachineYardstick.MeasureAsync(Path.Combine(Path.GetTempPath(), "cc-bench-intake.db"));
        Console.WriteLine($"Cluster: PostgreSQL, Redis, {servers} server(s) and the proxy on loopback ...");
        await using var cluster = await ServerCluster.StartAsync(webDll, servers);
        await MeasureAsync(cluster.Proxy.Address, cluster.Servers,
            [("proxy", () => cluster.Proxy.CpuTime), ("PostgreSQL", () => cluster.Postgres.CpuTime), ("Redis", () => ProcessTreeCpu.Of(cluster.Redis.ProcessId))],
            yardstick, clients, duration, warmUp);
    }

    /// <param name="address">Where the clients post: the one server, or the proxy in front of several.</param>
    /// <param name="servers">The command center servers behind it, each measured on its own.</param>
    /// <param name="others">Other processes the load costs CPU in (the proxy, the database, Redis).</param>
    private static async Task MeasureAsync(
        Uri address, IReadOnlyList<AppProcess> servers, IReadOnlyList<(string Name, Func<TimeSpan> CpuTime)> others,
        MachineYardstick yardstick, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        // No cookies: the proxy spreads API clients without its affinity cookie round robin, as other systems call.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseCookies = false }) { BaseAddress = address };
        // Calls as another system would: with a dispatcher's staff token.
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await BenchAccess.CreateAsync(address)).DispatcherSecret);
        var samples = await ReportSamples.LoadAsync(http);
        var load = Process.GetCurrentProcess();
        IReadOnlyList<(string Name, Func<TimeSpan> CpuTime)> measured =
        [
            .. servers.Select((server, i) => (servers.Count == 1 ? "app" : $"server {i + 1}", (Func<TimeSpan>)(() => server.CpuTime))),
            .. others,
            ("load generator", () => { load.Refresh(); return load.TotalProcessorTime; }),
        ];

        Console.WriteLine($"Intake: {clients} clients, {warmUp.TotalSeconds:F0} s warm-up, {duration.TotalSeconds:F0} s measured, against {address}");
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clientTasks = Enumerable.Range(0, clients).Select(client => ClientAsync(http, client, samples, measureFrom, end)).ToList();
        // CPU time over the measured window, of every process the load passes through and of this load generator: they share the machine's cores.
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (measureFrom - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        var cpu = measured.Select(p => p.CpuTime()).ToArray();
        var ownPause = GC.GetTotalPauseDuration();
        var ownCollections = GC.CollectionCount(0);
        var served = await ServedIntake.CountAsync(servers);
        var collectors = await Task.WhenAll(servers.Select(CollectorWindow.ReadAsync));
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (end - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        cpu = [.. measured.Select((p, i) => p.CpuTime() - cpu[i])];
        (ownPause, ownCollections) = (GC.GetTotalPauseDuration() - ownPause, GC.CollectionCount(0) - ownCollections);
        served = [.. (await ServedIntake.CountAsync(servers)).Select((n, i) => n - served[i])];
        collectors = [.. (await Task.WhenAll(servers.Select(CollectorWindow.ReadAsync))).Select((c, i) => c - collectors[i])];
        var results = await Task.WhenAll(clientTasks);

        var latencies = new LatencyStats(results.SelectMany(r => r.Latencies));
        var errors = results.Sum(r => r.Errors);
        var perCase = 1_000_000.0 / Math.Max(1, latencies.Count);
        var capacity = duration.TotalSeconds * Environment.ProcessorCount;
        Console.WriteLine($"  cases/s: {latencies.Count / duration.TotalSeconds:F0}  ({latencies.Count} created in the measured window)");
        Console.WriteLine($"  latency: {latencies.Describe(50, 95, 99)}");
        Console.WriteLine($"  tail: {TailSpread.Describe(results.SelectMany(r => r.Began.Zip(r.Latencies)), latencies.Percentile(99), duration)}");
        Console.WriteLine($"  against the yardstick: {yardstick.PerCommitRate(latencies.Count / duration.TotalSeconds, "cases")}; {yardstick.PerCommitLatency("p99", latencies.Percentile(99), 99)}");
        Console.WriteLine("  CPU per case: " + string.Join(", ", measured.Select((p, i) => $"{p.Name} {cpu[i].TotalSeconds * perCase:F0} µs"))
            + $" (of {Environment.ProcessorCount} cores × {duration.TotalSeconds:F0} s: "
            + string.Join(", ", measured.Select((p, i) => $"{p.Name} {cpu[i].TotalSeconds / capacity:P0}")) + ")");
        if (servers.Count > 1)
            Console.WriteLine("  each server's share of the measured window's intake: "
                + string.Join(", ", served.Select((n, i) => $"server {i + 1} {n:N0} ({n / (double)Math.Max(1, served.Sum()):P0})")));
        foreach (var (collector, i) in collectors.Select((c, i) => (c, i)))
            Console.WriteLine($"  {(servers.Count == 1 ? "app" : $"server {i + 1}")}'s garbage collector over the window: {collector.Describe(duration, servers.Count == 1 ? latencies.Count : served[i])}");
        // The clients time each request in this process: its own pauses stretch every request in flight at once.
        Console.WriteLine($"  load generator's garbage collector over the window: {ownCollections} collections, paused {ownPause.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  errors:  {errors}");
        Console.WriteLine("  working set after run: " + string.Join(", ", servers.Select((s, i) => $"{measured[i].Name} {s.WorkingSetBytes / 1024 / 1024} MB")));
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
                else if (began >= measureFrom) result.Add(began - measureFrom, Stopwatch.GetElapsedTime(began).TotalMilliseconds);
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
        /// <summary>When each measured request began, in stopwatch ticks after the window opened (the same order as <see cref="Latencies"/>).</summary>
        public List<long> Began { get; } = new(100_000);

        public void Add(long began, double milliseconds)
        {
            Began.Add(began);
            Latencies.Add(milliseconds);
        }

        public int Errors { get; private set; }
        public List<string> ErrorMessages { get; } = [];

        public void Fail(string message, bool counted)
        {
            if (counted) Errors++;
            if (ErrorMessages.Count < 3) ErrorMessages.Add(message);
        }
    }
}
