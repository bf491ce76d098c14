using System.Diagnostics;
using CommandCenter.Benchmarks.Cluster;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace CommandCenter.Benchmarks;

/// <summary>
/// The clustered timers' minute with the server that holds the sweep killed with SIGKILL in its middle, just as the
/// second of a tenth of the deadlines begins: the hosts run as processes of their own, and everything is counted
/// afterwards from the database — each escalation's commit time (PostgreSQL's commit timestamps) against its case's
/// deadline, split into deadlines due before the kill, during the takeover and after it.
/// </summary>
internal static class TimerKillBenchmark
{
    /// <summary>How long after the minute the survivors get to fire what is left before the run counts it missed.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(3);

    /// <summary>The app's sweep job as Quartz names it (DeadlineSweepJob.Key).</summary>
    private const string SweepJob = "deadline-sweep";

    public static async Task RunAsync(int caseCount, int servers)
    {
        if (servers < 2) throw new ArgumentException("--kill needs at least two servers: one to kill and one to take over.");
        var yardstick = await MachineYardstick.MeasureAsync(Path.Combine(Path.GetTempPath(), "cc-bench-timers.db"));
        await using var postgres = await PostgresProcess.StartTemporaryAsync(["track_commit_timestamp=on"]);
        await postgres.CreateQuartzSchemaAsync();
        var connection = postgres.ConnectionString();
        // The cases are loaded here, by a host that runs no timers; the servers only sweep.
        using var loader = await TimerBenchmark.HostAsync(new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = connection,
            ["Database:DemoCaseCount"] = "0",
            ["Deadlines:RunTimers"] = "false",
        });
        var options = loader.Services.GetRequiredService<IOptions<DeadlineOptions>>().Value;
        Console.WriteLine($"Clustered timers, one server killed: {servers} server processes with clustered Quartz on one PostgreSQL (127.0.0.1:{postgres.Port}); "
            + $"cluster check-in every {options.ClusterCheckinInterval.TotalSeconds:0.###} s, taken for dead {options.ClusterCheckinMisfireThreshold.TotalSeconds:0.###} s after a missed one");
        Console.WriteLine($"Timers: loading {caseCount:N0} open cases whose deadlines fall within {TimerBenchmark.Spread.TotalSeconds:F0} s ...");
        var load = Stopwatch.StartNew();
        await TimerBenchmark.LoadAsync(loader.Services, caseCount);
        load.Stop();
        Console.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:F0} s ({yardstick.PerCommitRate(caseCount / load.Elapsed.TotalSeconds, "cases")})");

        var hosts = new List<TimerHostProcess>();
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSql",
                ["Database__ConnectionString"] = connection,
                ["Database__DemoCaseCount"] = "0",
            };
            for (var i = 0; i < servers; i++) hosts.Add(await TimerHostProcess.StartAsync($"server {i + 1}", settings));
            var cpuBefore = hosts.Select(h => h.CpuTime).ToArray();
            var databaseCpuBefore = postgres.CpuTime;

            var first = await TimerBenchmark.PlaceDeadlinesAsync(loader.Services, lead: TimeSpan.FromSeconds(5) + load.Elapsed / 10);
            var last = first + TimerBenchmark.DeadlineOffset(caseCount - 1, caseCount);
            await Task.Delay(Max(TimeSpan.Zero, first + TimerBenchmark.Spread / 2 - DateTime.UtcNow));
            var (victim, holding) = await SweepHolderAsync(connection, hosts);
            victim.KillHard();
            var killedAt = DateTime.UtcNow;
            Console.WriteLine($"  {victim.Name} ({victim.InstanceId}) killed with SIGKILL {(killedAt - first).TotalSeconds:F1} s after the first deadline, "
                + (holding ?? "none of them held the sweep at that moment: the first one"));
            var recoveredAt = await WaitUntilRecoveredAsync(connection, victim.InstanceId, last + Grace);
            Console.WriteLine(recoveredAt is { } recovered
                ? $"  the survivors' cluster check-in recovered it (its row in qrtz_scheduler_state gone) {(recovered - killedAt).TotalSeconds:F1} s after the kill"
                : "  the survivors never recovered it");
            await WaitUntilNothingDueAsync(connection, last, last + Grace);
            var cpu = hosts.Select((h, i) => h.CpuTime - cpuBefore[i]).Aggregate(TimeSpan.Zero, (a, b) => a + b);
            var databaseCpu = postgres.CpuTime - databaseCpuBefore;
            foreach (var host in hosts) await host.StopAsync();

            var escalations = await EscalationsAsync(connection);
            var resumedAt = escalations.Where(e => e.CommittedAt > killedAt).Select(e => (DateTime?)e.CommittedAt).Min();
            var duplicates = escalations.GroupBy(e => e.Index).Count(g => g.Count() > 1);
            var missed = caseCount - escalations.Select(e => e.Index).Distinct().Count();
            // A case escalated twice is counted by its first escalation; the duplicate itself fails the run below.
            var lateness = escalations.GroupBy(e => e.Index, (index, each) => (Deadline: first + TimerBenchmark.DeadlineOffset(index, caseCount), Committed: each.Min(e => e.CommittedAt)))
                .Select(e => (e.Deadline, Late: e.Committed - e.Deadline))
                .ToList();
            Console.WriteLine($"  takeover: the first escalation committed after the kill {(resumedAt is { } r ? $"{(r - killedAt).TotalSeconds:F1} s after it" : "never")}");
            Describe("all deadlines", lateness.Select(l => l.Late));
            Describe("due before the kill", lateness.Where(l => l.Deadline < killedAt).Select(l => l.Late));
            Describe("due during the takeover", lateness.Where(l => l.Deadline >= killedAt && l.Deadline < (resumedAt ?? DateTime.MaxValue)).Select(l => l.Late));
            Describe("due after the takeover", lateness.Where(l => l.Deadline >= resumedAt).Select(l => l.Late));
            Console.WriteLine($"  escalations: {escalations.Count:N0} of {caseCount:N0}; duplicates: {duplicates}; missed: {missed} (counted in the database)");
            Console.WriteLine($"  CPU time of the servers (the killed one until the kill): {cpu.TotalSeconds:F1} s, {cpu.TotalMilliseconds * 1000 / Math.Max(1, escalations.Count):F0} µs per escalation; "
                + $"PostgreSQL: {databaseCpu.TotalSeconds:F1} s, {databaseCpu.TotalMilliseconds * 1000 / Math.Max(1, escalations.Count):F0} µs");
            TimerBenchmark.FailUnlessExactlyOnce(duplicates, missed);
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    /// <summary>The process a host runs in <c>timer-host</c> mode: the app's timers until its standard input closes.</summary>
    public static async Task RunHostAsync()
    {
        using var host = await TimerBenchmark.HostAsync(new Dictionary<string, string>());
        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        TimerHostProcess.SayReady(scheduler.SchedulerInstanceId);
        while (await Console.In.ReadLineAsync() is not null)
        {
        }
        await host.StopAsync();
    }

    private static void Describe(string group, IEnumerable<TimeSpan> lateness)
    {
        var stats = new LatencyStats(lateness.Select(l => l.TotalMilliseconds));
        Console.WriteLine($"  late, {group} ({stats.Count:N0}): {(stats.Count == 0 ? "none" : stats.Describe(50, 95, 99))}");
    }

    /// <summary>
    /// The server whose scheduler runs the sweep job or has its next firing in hand (Quartz's fired-trigger rows),
    /// and a sentence saying which; the first server when none has for a second (the rows come and go with each firing).
    /// </summary>
    private static async Task<(TimerHostProcess Host, string? Holding)> SweepHolderAsync(string connectionString, List<TimerHostProcess> hosts)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT instance_name, state FROM qrtz_fired_triggers WHERE job_name = @job ORDER BY state = 'EXECUTING' DESC LIMIT 1", connection);
        query.Parameters.AddWithValue("job", SweepJob);
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(1); await Task.Delay(20))
        {
            await using var reader = await query.ExecuteReaderAsync();
            if (await reader.ReadAsync() && hosts.FirstOrDefault(h => h.InstanceId == reader.GetString(0)) is { } holder)
                return (holder, reader.GetString(1) == "EXECUTING" ? "while it ran the sweep" : "while it held the sweep's next firing");
        }
        return (hosts[0], null);
    }

    /// <summary>When the dead instance's check-in row went: the survivors have released what it held.</summary>
    private static async Task<DateTime?> WaitUntilRecoveredAsync(string connectionString, string instanceId, DateTime until)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name = @instance", connection);
        query.Parameters.AddWithValue("instance", instanceId);
        while (DateTime.UtcNow < until)
        {
            if ((long)(await query.ExecuteScalarAsync())! == 0) return DateTime.UtcNow;
            await Task.Delay(100);
        }
        return null;
    }

    /// <summary>Until no case has a timer due at or before the last deadline (an escalated case's next one is hours away).</summary>
    private static async Task WaitUntilNothingDueAsync(string connectionString, DateTime last, DateTime until)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT count(*) FROM "Cases" WHERE "NextTimerAtUtc" <= @last""", connection);
        query.Parameters.AddWithValue("last", last);
        while (DateTime.UtcNow < until)
        {
            if (DateTime.UtcNow > last && (long)(await query.ExecuteScalarAsync())! == 0) return;
            await Task.Delay(500);
        }
    }

    /// <summary>Every escalation: its case's index among the loaded ones and when its transaction committed.</summary>
    private static async Task<List<(int Index, DateTime CommittedAt)>> EscalationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""
            SELECT c."Number", pg_xact_commit_timestamp(e.xmin)
            FROM "TimelineEvents" e JOIN "Cases" c ON c."Id" = e."CaseId"
            WHERE e."Type" = 'Escalated'
            """, connection);
        var escalations = new List<(int, DateTime)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) escalations.Add((TimerBenchmark.CaseIndex(reader.GetString(0)), reader.GetDateTime(1)));
        return escalations;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
