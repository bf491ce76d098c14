using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Benchmarks;
using CommandCenter.Cluster.Tests.Support;
using CommandCenter.Infrastructure.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace CommandCenter.Cluster.Tests;

/// <summary>
/// Two servers with the clustered timers on one PostgreSQL; deadlines fall one after another for 20 s and the server
/// that holds the sweep is killed with SIGKILL in their middle. The other takes the sweep over within the time the
/// cluster check-in settings allow, and every deadline fires exactly once.
/// </summary>
[Collection(ClusterProcess.Collection)]
public sealed class TimerTakeoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Deadlines = 300;
    private const string SweepJob = "deadline-sweep";
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(3);
    // Check-in every 1 s, dead 4 s after a missed one: a sweep the dead server was running is released once its last
    // check-in is 2 × 1 + 4 = 6 s old, at the survivor's next check-in. Quartz's own 7.5 s / 7.5 s take 15–30 s.
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(15);

    private string _database = null!;
    private readonly List<ClusterProcess> _servers = [];
    // Each server's Quartz instance id, as its scheduler checked in.
    private readonly Dictionary<string, ClusterProcess> _instances = [];

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.Shared.CreateDatabaseAsync();
        await using var connection = await OpenAsync();
        await using var schema = new NpgsqlCommand(RepositoryFiles.Read(RepositoryFiles.QuartzPostgresSchema), connection);
        await schema.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await PostgresServer.Shared.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ServerHoldingTheSweepKilledWhileDeadlinesFall_TheOtherTakesOverAndFiresEachExactlyOnce()
    {
        // One after the other: the first migrates and seeds, the second finds both done.
        for (var i = 0; i < 2; i++)
        {
            var server = ClusterProcess.StartServer(ClusterProcess.LoopbackAddress(), ClusterProcess.ServerSettings(PostgresServer.Shared.ConnectionString(_database)));
            _servers.Add(server);
            await server.WaitUntilAnswersAsync("/health/ready", Startup);
            _instances[await NewInstanceAsync()] = server;
        }
        var access = await BenchAccess.CreateAsync(_servers[0].Address);
        var run = Guid.NewGuid().ToString("N")[..12];
        var numbers = await ReportAsync(access.DispatcherSecret, run);

        var first = DateTime.UtcNow.AddSeconds(5);
        await MakeAcceptanceDueAsync(run, first);
        var middle = first + Spread / 2 - DateTime.UtcNow;
        if (middle > TimeSpan.Zero) await Task.Delay(middle);
        var (victim, instance) = await SweepHolderAsync();
        victim.KillHard();
        var killedAt = DateTime.UtcNow;
        var survivor = _servers.Single(s => s != victim);
        output.WriteLine($"killed the server {(instance is null ? "started first (neither held the sweep)" : $"holding the sweep ({instance})")} {(killedAt - first).TotalSeconds:F1} s after the first deadline");

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90) && (await FiredAsync(run)).Count(f => f.Value.Count > 0) < Deadlines) await Task.Delay(250);
        // Time for a second firing, were there one.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var fired = await FiredAsync(run);
        var dueAfterKill = fired.Where(f => f.Value.Due >= killedAt).ToList();
        var takeover = fired.Values.SelectMany(f => f.FiredAt).Where(at => at > killedAt).DefaultIfEmpty(DateTime.MaxValue).Min() - killedAt;
        var loggedBySurvivor = survivor.LoggedCaseNumbers().Where(l => l.EventId == 1003).Select(l => l.Number).ToHashSet();
        output.WriteLine($"{fired.Count(f => f.Value.Count == 1)} of {Deadlines} fired once, {fired.Count(f => f.Value.Count > 1)} more than once; "
            + $"{dueAfterKill.Count} fell due after the kill; the survivor's first firing {takeover.TotalSeconds:F1} s after the kill");

        Assert.Equal(Deadlines, numbers.Count);
        Assert.All(fired, f => Assert.Equal(1, f.Value.Count));
        Assert.NotEmpty(dueAfterKill);
        Assert.All(dueAfterKill, f => Assert.Contains(f.Key, loggedBySurvivor));
        Assert.True(takeover <= TakeoverBound, $"the survivor fired its first deadline {takeover.TotalSeconds:F1} s after the kill");
    }

    /// <summary>Cases reported through the API, four at a time; their numbers.</summary>
    private async Task<List<string>> ReportAsync(string token, string run)
    {
        using var api = new HttpClient { BaseAddress = _servers[0].Address, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var numbers = new List<string>();
        foreach (var chunk in Enumerable.Range(0, Deadlines).Chunk(4))
        {
            var created = await Task.WhenAll(chunk.Select(async i =>
            {
                var response = await api.PostAsJsonAsync("/api/cases",
                    new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 1, description = $"takeover {run} {i}" });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
            }));
            numbers.AddRange(created);
        }
        return numbers;
    }

    /// <summary>The run's cases wait for acceptance with limits that end evenly over <see cref="Spread"/> from <paramref name="first"/>.</summary>
    private async Task MakeAcceptanceDueAsync(string run, DateTime first)
    {
        await using var connection = await OpenAsync();
        await using var update = new NpgsqlCommand(
            """
            UPDATE "Cases" c SET "WaitStage" = 'Reported', "WaitDeadlineUtc" = due.at, "WaitWarningAtUtc" = due.at, "WaitOverdueAtUtc" = NULL,
                "NextTimerAtUtc" = due.at
            FROM (SELECT "Id", @first + make_interval(secs => @step * (row_number() OVER (ORDER BY "Number") - 1)) AS at
                  FROM "Cases" WHERE "Description" LIKE @pattern) due
            WHERE c."Id" = due."Id"
            """, connection);
        update.Parameters.AddWithValue("first", first);
        update.Parameters.AddWithValue("step", Spread.TotalSeconds / Deadlines);
        update.Parameters.AddWithValue("pattern", $"takeover {run} %");
        Assert.Equal(Deadlines, await update.ExecuteNonQueryAsync());
    }

    /// <summary>The instance id of the scheduler that checked in last, once it has: the server just started.</summary>
    private async Task<string> NewInstanceAsync()
    {
        await using var connection = await OpenAsync();
        await using var query = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state", connection);
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(200))
        {
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                if (!_instances.ContainsKey(reader.GetString(0))) return reader.GetString(0);
        }
        throw new InvalidOperationException("The server's scheduler did not check in.");
    }

    /// <summary>
    /// The server whose scheduler runs the sweep or holds its next firing; the first server when neither has for a
    /// second (Quartz's fired-trigger rows come and go with each firing).
    /// </summary>
    private async Task<(ClusterProcess Server, string? Instance)> SweepHolderAsync()
    {
        await using var connection = await OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = @job ORDER BY state = 'EXECUTING' DESC LIMIT 1", connection);
        query.Parameters.AddWithValue("job", SweepJob);
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(1); await Task.Delay(20))
            if (await query.ExecuteScalarAsync() is string instance && _instances.TryGetValue(instance, out var holder)) return (holder, instance);
        return (_servers[0], null);
    }

    /// <summary>Each of the run's cases by number: when it fell due, and when each of its acceptance-overdue firings was recorded.</summary>
    private async Task<Dictionary<string, (DateTime Due, int Count, List<DateTime> FiredAt)>> FiredAsync(string run)
    {
        await using var connection = await OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT c."Number", c."WaitDeadlineUtc", e."OccurredAtUtc"
            FROM "Cases" c LEFT JOIN "TimelineEvents" e ON e."CaseId" = c."Id" AND e."Type" = 'AcceptanceOverdue'
            WHERE c."Description" LIKE @pattern
            """, connection);
        query.Parameters.AddWithValue("pattern", $"takeover {run} %");
        var fired = new Dictionary<string, (DateTime Due, int Count, List<DateTime> FiredAt)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var number = reader.GetString(0);
            if (!fired.TryGetValue(number, out var entry)) entry = (reader.GetDateTime(1), 0, []);
            if (!reader.IsDBNull(2)) entry.FiredAt.Add(reader.GetDateTime(2));
            fired[number] = entry with { Count = entry.FiredAt.Count };
        }
        return fired;
    }

    private Task<NpgsqlConnection> OpenAsync() => PostgresServer.Shared.OpenAsync(_database);
}
