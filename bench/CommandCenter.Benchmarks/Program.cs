using CommandCenter.Benchmarks;
using CommandCenter.Benchmarks.Cluster;
using CommandCenter.Benchmarks.Live;
using CommandCenter.Infrastructure.Persistence;

// Usage: CommandCenter.Benchmarks [intake|cluster-intake|queues|assessment|timers|cluster-timers|sweep|notices|roster|all|live] [--web path/to/CommandCenter.Web.dll]
//        [--clients 32] [--seconds 60] [--warm-up 30] [--servers 2] [--cases 1000000] [--db file] [--provider sqlite|postgresql] [--timer-cases 100000]
//        [--hub-clients 500] [--changes 1000] [--circuits 200] [--client-circuits 200] [--no-chromium] [--notices 40000] [--rows 5000] [--homes 50000] [--residents 100000]
//        [--kill] (cluster-timers: the server holding the sweep killed midway)
//        (--no-chromium and --kill take no value: write them after the mode)
var options = Options.Parse(args);

try
{
    if (options.Mode is "intake" or "all")
        await IntakeBenchmark.RunAsync(options.WebDll, options.Clients, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(options.WarmUp));
    // Not part of "all": PostgreSQL, Redis, --servers servers and the proxy started on this machine for the run.
    if (options.Mode is "cluster-intake")
        await IntakeBenchmark.RunClusterAsync(options.WebDll, options.Servers, options.Clients, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(options.WarmUp));
    if (options.Mode is "queues" or "all")
    {
        if (options.Provider == DatabaseProvider.PostgreSql) await QueueBenchmark.RunPostgresAsync(options.Cases, options.Database);
        else await QueueBenchmark.RunAsync(options.Cases, options.Database);
    }
    // Not part of "all": the lead runs it on its own over the queue benchmark's database.
    if (options.Mode is "assessment")
        await AssessmentBenchmark.RunAsync(options.WebDll, options.Cases, options.Database);
    if (options.Mode is "timers" or "all")
        await TimerBenchmark.RunAsync(options.TimerCases);
    // Not part of "all": --servers hosts with clustered Quartz on a PostgreSQL started for the run.
    if (options.Mode is "cluster-timers" && options.Kill)
        await TimerKillBenchmark.RunAsync(options.TimerCases, options.Servers);
    else if (options.Mode is "cluster-timers")
        await TimerBenchmark.RunClusteredAsync(options.TimerCases, options.Servers);
    // Not a benchmark: one server of cluster-timers --kill, started by it as a process of its own.
    if (options.Mode is TimerHostProcess.Mode)
        await TimerKillBenchmark.RunHostAsync();
    // Not part of "all": the sweep's own cost, for comparing write-path changes on a busy machine.
    if (options.Mode is "sweep")
        await TimerBenchmark.RunSweepAsync(options.TimerCases);
    if (options.Mode is "notices")
        await NoticeBenchmark.RunAsync(options.WebDll, options.Notices);
    // Not part of "all": issue 16's roster import, preview and accept of a staff sheet.
    if (options.Mode is "roster")
        await RosterBenchmark.RunAsync(options.Rows);
    // Not part of "all": issue 17's owner-list import, courtyard page and tag search.
    if (options.Mode is "archive")
        await ArchiveBenchmark.RunAsync(options.Homes, options.Residents);
    // Not part of "all": it needs Chromium and opens hundreds of connections and pages.
    if (options.Mode is "live")
        await LiveBenchmark.RunAsync(options.WebDll, options.HubClients, options.Changes, options.Circuits, options.ClientCircuits, options.WithChromium);
}
// Ctrl-C or SIGTERM: the handler stops every process and deletes every folder the run started, then ends the process.
catch (Exception) when (BenchCleanup.Interrupted)
{
    await BenchCleanup.AwaitExitAsync();
}

internal sealed record Options(
    string Mode, string WebDll, int Clients, int Seconds, int Cases, string? Database, int TimerCases, int HubClients, int Changes, int Circuits, int Notices, int Rows, int Homes, int Residents,
    int ClientCircuits, bool WithChromium, int Servers, DatabaseProvider Provider, bool Kill, int WarmUp)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && args.ElementAtOrDefault(Array.IndexOf(args, a) - 1)?.StartsWith("--", StringComparison.Ordinal) != true) ?? "all";
        var web = Value("--web") ?? Path.Combine(AppContext.BaseDirectory, "../../../../../src/CommandCenter.Web/bin/Release/net10.0/CommandCenter.Web.dll");
        return new Options(mode, Path.GetFullPath(web), int.Parse(Value("--clients") ?? "32"), int.Parse(Value("--seconds") ?? "60"),
            int.Parse(Value("--cases") ?? "1000000"), Value("--db"), int.Parse(Value("--timer-cases") ?? "100000"),
            int.Parse(Value("--hub-clients") ?? "500"), int.Parse(Value("--changes") ?? "1000"), int.Parse(Value("--circuits") ?? "200"),
            int.Parse(Value("--notices") ?? "40000"), int.Parse(Value("--rows") ?? "5000"),
            int.Parse(Value("--homes") ?? "50000"), int.Parse(Value("--residents") ?? "100000"),
            int.Parse(Value("--client-circuits") ?? Value("--circuits") ?? "200"), !args.Contains("--no-chromium"),
            int.Parse(Value("--servers") ?? "2"), Enum.Parse<DatabaseProvider>(Value("--provider") ?? "Sqlite", ignoreCase: true), args.Contains("--kill"),
            // Intake's load before its measured window: a started server reaches its steady speed only once the runtime has
            // recompiled its hot paths (tiered compilation), about 25 s under this load on two cores.
            int.Parse(Value("--warm-up") ?? "30"));
    }
}
