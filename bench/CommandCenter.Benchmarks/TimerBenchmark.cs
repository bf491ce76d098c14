using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CommandCenter.Benchmarks.Cluster;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Benchmarks;

/// <summary>
/// The escalation timers at scale: open cases whose handling deadlines fall within one
/// minute (a tenth of them in the same second), the real Quartz scheduler and sweeper on
/// SQLite, or several clustered on PostgreSQL, and the delay from each deadline to its committed escalation.
/// </summary>
internal static class TimerBenchmark
{
    internal static readonly TimeSpan Spread = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Handling = TimeSpan.FromHours(1);
    private static readonly TimeSpan BurstWidth = TimeSpan.FromSeconds(1);
    private static readonly DateTime PlannedFirst = DateTime.UtcNow.Date.AddDays(2);

    public static async Task RunAsync(int caseCount)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cc-bench-timers-{Guid.NewGuid():N}.db");
        try
        {
            var yardstick = await MachineYardstick.MeasureAsync(file);
            using var host = await HostAsync(SqliteSettings(file));
            await MeasureAsync([host], caseCount, yardstick, databaseCpu: null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    /// <summary>
    /// The same minute of deadlines against <paramref name="servers"/> app hosts on one PostgreSQL, each with the app's
    /// clustered Quartz scheduler (the checked-in schema), as several servers run them: every escalation exactly once,
    /// counted in the database, and which host fired how many. The hosts share this process, as in ClusteredSchedulerTests.
    /// </summary>
    public static async Task RunClusteredAsync(int caseCount, int servers)
    {
        var yardstick = await MachineYardstick.MeasureAsync(Path.Combine(Path.GetTempPath(), "cc-bench-timers.db"));
        await using var postgres = await PostgresProcess.StartTemporaryAsync();
        await postgres.CreateQuartzSchemaAsync();
        var hosts = new List<IHost>();
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = "PostgreSql",
                ["Database:ConnectionString"] = postgres.ConnectionString(),
                ["Database:DemoCaseCount"] = "0",
            };
            // One after the other, as servers start: the first migrates and seeds, the next finds both done.
            for (var i = 0; i < servers; i++) hosts.Add(await HostAsync(settings));
            Console.WriteLine($"Clustered timers: {servers} hosts with clustered Quartz on one PostgreSQL (127.0.0.1:{postgres.Port})");
            await MeasureAsync(hosts, caseCount, yardstick, () => postgres.CpuTime);
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
        }
    }

    private static Dictionary<string, string> SqliteSettings(string file) => new()
    {
        ["Database:ConnectionString"] = $"Data Source={file}",
        ["Database:DemoCaseCount"] = "0",
    };

    /// <summary>
    /// The sweep alone, without the scheduler or anything else running in the process: every loaded
    /// deadline already passed, one sweep fires them all in full batches. Its CPU time per escalation
    /// compares changes to the write path fairly even on a machine busy with other work.
    /// </summary>
    public static async Task RunSweepAsync(int caseCount)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cc-bench-sweep-{Guid.NewGuid():N}.db");
        try
        {
            using var host = await HostAsync(SqliteSettings(file));
            Console.WriteLine($"Sweep: loading {caseCount:N0} open cases ...");
            await LoadAsync(host.Services, caseCount);
            await PlaceDeadlinesAsync(host.Services, lead: -Spread - TimeSpan.FromSeconds(1));
            var sweeper = host.Services.GetRequiredService<DeadlineSweeper>();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var swept = await sweeper.SweepAsync(CancellationToken.None);
            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            Console.WriteLine($"  one sweep fired {swept:N0} cases in {wall.Elapsed.TotalSeconds:F2} s ({swept / wall.Elapsed.TotalSeconds:N0}/s); "
                + $"CPU {cpu.TotalSeconds:F2} s = {cpu.TotalMilliseconds * 1000 / Math.Max(1, swept):F0} µs per case ({swept / cpu.TotalSeconds:N0} per CPU-second)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    internal static async Task<IHost> HostAsync(IReadOnlyDictionary<string, string> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.Services.AddCommandCenterInfrastructure(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        return host;
    }

    /// <param name="hosts">The app hosts whose schedulers run the sweep; the first loads the cases.</param>
    /// <param name="databaseCpu">The database server's CPU time, when it is a process of its own.</param>
    private static async Task MeasureAsync(IReadOnlyList<IHost> hosts, int caseCount, MachineYardstick yardstick, Func<TimeSpan>? databaseCpu)
    {
        var services = hosts[0].Services;
        Console.WriteLine($"Timers: loading {caseCount:N0} open cases whose deadlines fall within {Spread.TotalSeconds:F0} s ...");
        var load = Stopwatch.StartNew();
        await LoadAsync(services, caseCount);
        load.Stop();
        Console.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:F0} s ({yardstick.PerCommitRate(caseCount / load.Elapsed.TotalSeconds, "cases")})");

        var delays = new ConcurrentBag<double>();
        var burstDone = DateTime.MinValue;
        var burst = (From: DateTime.MaxValue, To: DateTime.MaxValue);
        var (batches, casesRead) = (0, 0);
        var firedBy = new int[hosts.Count];
        for (var h = 0; h < hosts.Count; h++)
        {
            var host = h;
            hosts[h].Services.GetRequiredService<DeadlineSweeper>().Swept += batch =>
            {
                // A sweep's lanes commit batches side by side on a server database.
                lock (delays)
                {
                    batches++;
                    casesRead += batch.DeadlinesUtc.Count;
                    firedBy[host] += batch.DeadlinesUtc.Count;
                    foreach (var deadline in batch.DeadlinesUtc) delays.Add((batch.CommittedAtUtc - deadline).TotalMilliseconds);
                    if (batch.DeadlinesUtc.Any(d => d >= burst.From && d < burst.To) && batch.CommittedAtUtc > burstDone) burstDone = batch.CommittedAtUtc;
                }
            };
        }
        var peak = 0L;
        using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet)), null, 0, 100);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var databaseCpuBefore = databaseCpu?.Invoke() ?? TimeSpan.Zero;
        foreach (var host in hosts) await host.StartAsync();
        // The schedulers are running before any deadline is near, as in the app.
        var first = await PlaceDeadlinesAsync(services, lead: TimeSpan.FromSeconds(5) + load.Elapsed / 10);
        burst = (first + Spread / 2, first + Spread / 2 + BurstWidth);
        var until = first + Spread + TimeSpan.FromSeconds(30);
        while (delays.Count < caseCount && DateTime.UtcNow < until) await Task.Delay(500);
        // CPU time rather than wall time: it says what an escalation costs even on a busy machine.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var databaseCpuSpent = (databaseCpu?.Invoke() ?? TimeSpan.Zero) - databaseCpuBefore;
        foreach (var host in hosts) await host.StopAsync();

        await using var db = await services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var escalations = await db.TimelineEvents.CountAsync(e => e.Type == CaseEventType.Escalated);
        var duplicates = await db.TimelineEvents.Where(e => e.Type == CaseEventType.Escalated).GroupBy(e => e.CaseId).CountAsync(g => g.Count() > 1);
        var missed = await db.Cases.CountAsync(c => c.Level == HandlingLevel.Courtyard && c.State == CaseState.InProgress);
        var stats = new LatencyStats(delays);
        var burstSeconds = (burstDone - burst.From).TotalSeconds;
        Console.WriteLine($"  delay from deadline to committed escalation: {stats.Describe(50, 99)}");
        Console.WriteLine($"  the {caseCount / 10:N0} deadlines of one second were all escalated {burstSeconds:F2} s after the first of them fell "
            + $"({yardstick.PerCommitRate(caseCount / 10 / burstSeconds, "escalations")})");
        Console.WriteLine($"  escalations: {escalations:N0} of {caseCount:N0}; duplicates: {duplicates}; missed: {missed}");
        // More cases read than escalated would mean a sweep reading cases that had nothing to fire.
        Console.WriteLine($"  sweep: {batches:N0} batches read {casesRead:N0} due cases; notices written: {await db.Notices.CountAsync():N0}");
        if (hosts.Count > 1)
            Console.WriteLine("  each host's share of the escalations: " + string.Join(", ", firedBy.Select((n, i) => $"host {i + 1} {n:N0} ({n / (double)Math.Max(1, casesRead):P0})")));
        Console.WriteLine($"  CPU time of the whole process while the scheduler{(hosts.Count > 1 ? "s" : "")} ran: {cpu.TotalSeconds:F1} s, {cpu.TotalMilliseconds * 1000 / Math.Max(1, escalations):F0} µs per escalation");
        if (databaseCpu is not null)
            Console.WriteLine($"  PostgreSQL's CPU time meanwhile: {databaseCpuSpent.TotalSeconds:F1} s, {databaseCpuSpent.TotalMilliseconds * 1000 / Math.Max(1, escalations):F0} µs per escalation");
        Console.WriteLine($"  peak working set while the scheduler ran: {Interlocked.Read(ref peak) / 1024 / 1024} MB");
        FailUnlessExactlyOnce(duplicates, missed);
    }

    /// <summary>A deadline missed or fired twice fails the run: a non-zero exit and a sentence saying which.</summary>
    internal static void FailUnlessExactlyOnce(int duplicates, int missed)
    {
        if (duplicates == 0 && missed == 0) return;
        Console.Error.WriteLine($"FAILED: {missed:N0} deadline(s) never fired and {duplicates:N0} fired more than once; every deadline must fire exactly once.");
        Environment.ExitCode = 1;
    }

    /// <summary>
    /// Cases already signed and warned, so the only timer left on each is its handling
    /// deadline: nine tenths spread evenly over the minute, one tenth in its middle second.
    /// Planned a day ahead, so that nothing falls due however long the load takes.
    /// </summary>
    internal static async Task LoadAsync(IServiceProvider services, int caseCount)
    {
        var directory = services.GetRequiredService<OrganisationDirectory>();
        var contexts = services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>();
        var rules = new DeadlineRules(
            new PolicyTable([TimePolicy.Create(1, null, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(30), Handling, 0.75, TimeBasis.Calendar)]),
            DeadlineRules.Default.Calendar);
        var actor = new Actor("压测", AccessRole.Dispatcher, null, ActSource.Simulator);
        var category = directory.Categories.First(c => c.IsItem && c.DefaultLevel == HandlingLevel.Courtyard);
        var courtyards = directory.Courtyards.ToArray();
        for (var offset = 0; offset < caseCount; offset += 2_000)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // Set-up, not the measured minute: the cases' past (their dispatch and its notices) is history.
            CaseEventsInterceptor.LoadingHistory(db);
            for (var i = offset; i < Math.Min(caseCount, offset + 2_000); i++)
            {
                var deadline = PlannedFirst + DeadlineOffset(i, caseCount);
                var signed = deadline - Handling;
                var courtyard = courtyards[i % courtyards.Length];
                var @case = Case.Report(CaseNumber(i), directory.StreetOf(courtyard)!.Id, Channel.Hotline, category, Urgency.Normal, courtyard, null,
                    "压测案件：楼道堆物", null, null, null, actor, signed.AddMinutes(-10), rules);
                @case.Accept(actor, signed.AddMinutes(-9), rules);
                @case.Dispatch(directory.UnitsServing(HandlingLevel.Courtyard, courtyard.Id).First(), [], rules, actor, signed.AddMinutes(-8));
                @case.Sign(actor, signed, rules);
                @case.FireDueTimers(@case.Clock.WarningAtUtc!.Value, actor, rules);
                db.Cases.Add(@case);
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Case <paramref name="i"/>'s deadline after the first: the first tenth in the middle second, the rest evenly over the minute.</summary>
    internal static TimeSpan DeadlineOffset(int i, int caseCount)
    {
        var burst = caseCount / 10;
        return i < burst ? Spread / 2 + BurstWidth * (i / (double)burst) : Spread * ((i - burst) / (double)(caseCount - burst));
    }

    internal static string CaseNumber(int i) => $"BM-{i:D7}";

    internal static int CaseIndex(string number) => int.Parse(number.AsSpan("BM-".Length), CultureInfo.InvariantCulture);

    /// <summary>
    /// Moves every loaded deadline by the same amount in one statement, so that the first falls
    /// <paramref name="lead"/> from now whatever the load took. Returns when the first falls.
    /// </summary>
    internal static async Task<DateTime> PlaceDeadlinesAsync(IServiceProvider services, TimeSpan lead)
    {
        // Whole milliseconds: SQLite's date functions keep no finer.
        var shift = TimeSpan.FromMilliseconds(Math.Round((DateTime.UtcNow + lead - PlannedFirst).TotalMilliseconds));
        var first = PlannedFirst + shift;
        await using var db = await services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var placing = Stopwatch.StartNew();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Cases" SET
                    "WarningAtUtc" = "WarningAtUtc" + make_interval(secs => {shift.TotalSeconds}),
                    "HandlingDeadlineUtc" = "HandlingDeadlineUtc" + make_interval(secs => {shift.TotalSeconds}),
                    "NextTimerAtUtc" = "NextTimerAtUtc" + make_interval(secs => {shift.TotalSeconds})
                """);
        }
        else
        {
            var modifier = string.Create(CultureInfo.InvariantCulture, $"{shift.TotalSeconds:F3} seconds");
            // SQLite's own date arithmetic, written back in the text form EF stores and compares.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE Cases SET
                    WarningAtUtc = strftime('%Y-%m-%d %H:%M:%f', WarningAtUtc, {modifier}),
                    HandlingDeadlineUtc = strftime('%Y-%m-%d %H:%M:%f', HandlingDeadlineUtc, {modifier}),
                    NextTimerAtUtc = strftime('%Y-%m-%d %H:%M:%f', NextTimerAtUtc, {modifier})
                """);
        }
        var left = first - DateTime.UtcNow;
        Console.WriteLine($"  deadlines placed in {placing.Elapsed.TotalSeconds:F1} s; the first falls in {left.TotalSeconds:F1} s");
        if (left < TimeSpan.Zero && lead > TimeSpan.Zero) Console.WriteLine("  warning: placing took longer than the lead; the first delays include it");
        return first;
    }
}
