using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Benchmarks;
using CommandCenter.Cluster.Tests.Support;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.LocalServers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace CommandCenter.Cluster.Tests;

/// <summary>
/// Two servers on one PostgreSQL and one Redis behind the sticky proxy, as scripts/cluster.sh runs them; one is
/// killed with SIGKILL while clients post cases through the proxy, a timer falls due, a hub client listens and a
/// wall is open in Chromium. The survivor's console log, JSON as in Production, carries each case's number as the
/// field CaseNumber.
/// </summary>
[Collection(ClusterProcess.Collection)]
public sealed class ServerKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int IntakeClients = 4;
    private static readonly TimeSpan IntakeTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(3);
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly LocalRedis _redis = LocalRedis.Start();
    private readonly Uri _addressA = ClusterProcess.LoopbackAddress();
    private readonly Uri _addressB = ClusterProcess.LoopbackAddress();
    private readonly Uri _proxyAddress = ClusterProcess.LoopbackAddress();
    private string _database = null!;
    private ClusterProcess _serverA = null!;
    private ClusterProcess? _serverB;
    private ClusterProcess _proxy = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    // Intake requests the kill broke or that were refused: counted, never acknowledged.
    private int _intakeFailures;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.Shared.CreateDatabaseAsync();
        await using (var connection = await OpenAsync())
        await using (var schema = new NpgsqlCommand(RepositoryFiles.Read(RepositoryFiles.QuartzPostgresSchema), connection))
            await schema.ExecuteNonQueryAsync();
        _serverA = ClusterProcess.StartServer(_addressA, Settings());
        await _serverA.WaitUntilAnswersAsync("/health/ready", Startup);
        _proxy = ClusterProcess.StartProxy(_proxyAddress, [_addressA, _addressB]);
        await _proxy.WaitUntilAnswersAsync("/health/live", Startup);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _proxy.DisposeAsync();
        if (_serverB is not null) await _serverB.DisposeAsync();
        await _serverA.DisposeAsync();
        _redis.Dispose();
        await PostgresServer.Shared.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ServerKilledUnderIntake_NoAcknowledgedCaseLost_TimerFiresOnceOnTheOther_HubClientAndWallReconnect()
    {
        // Tokens live in the database: made on A, good on every server.
        var access = await BenchAccess.CreateAsync(_addressA);
        // Connected while B is not up yet, so that the hub client is surely on A, the server about to be killed.
        var events = new ConcurrentQueue<(Guid CaseId, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        var rejoined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = await ConnectHubAsync(access.DisplaySecret, events, clock, rejoined);
        // The wall too, a player opened once with its display token; what it throws uncaught is kept.
        var wall = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, BaseURL = _proxyAddress.ToString() });
        var uncaught = new ConcurrentQueue<string>();
        wall.PageError += (_, error) => uncaught.Enqueue(error);
        wall.Console += (_, message) =>
        {
            if (message.Type == "error") output.WriteLine($"wall console {clock.Elapsed.TotalSeconds:F1} s: {message.Text} ({message.Location})");
        };
        await wall.GotoAsync($"/wall?access_token={access.DisplaySecret}");
        await wall.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        _serverB = ClusterProcess.StartServer(_addressB, Settings());
        await _serverB.WaitUntilAnswersAsync("/health/ready", Startup);

        using var api = Client(access.DispatcherSecret);
        var (timerCase, timerNumber) = await ReportAsync(api, $"cluster timer {Guid.NewGuid():N}");
        (await api.PostAsync($"/api/cases/{timerCase}/accept", null)).EnsureSuccessStatusCode();

        var run = Guid.NewGuid().ToString("N")[..12];
        var intakeEnd = clock.Elapsed + IntakeTime;
        var intake = Enumerable.Range(0, IntakeClients).Select(i => IntakeClientAsync(access.DispatcherSecret, $"cluster {run} {i}", clock, intakeEnd)).ToList();
        await Task.Delay(KillAfter);
        // Due two seconds after the kill: only B is alive to fire it.
        await MakeDispatchOverdueAtAsync(timerCase, DateTime.UtcNow.AddSeconds(2));
        var heardBeforeKill = events.Count;
        _serverA.KillHard();
        var killedAt = clock.Elapsed;
        output.WriteLine($"server A killed {killedAt.TotalSeconds:F1} s into the run; the hub client had heard {heardBeforeKill} events");
        // A client hears what is committed once it is in its groups again (a wall reloads its figures on reconnect).
        await rejoined.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var (reportedAfterKill, numberAfterKill) = await ReportAsync(api, $"cluster after kill {run}");
        var reportedAt = clock.Elapsed;
        // The wall's circuit died with A: it reconnects through the proxy, is refused by B, reloads there and shows the case.
        await Assertions.Expect(wall.Locator($"[data-case='{numberAfterKill}'], [data-marker='{numberAfterKill}']").First)
            .ToBeAttachedAsync(new() { Timeout = 10_000 });
        var shownOnWall = clock.Elapsed;
        var acknowledged = (await Task.WhenAll(intake)).SelectMany(r => r).ToList();

        var heard = await WaitForAsync(() => events.Where(e => e.CaseId == reportedAfterKill).Select(e => (TimeSpan?)e.At).FirstOrDefault(), TimeSpan.FromSeconds(15));
        var stored = await StoredDescriptionsAsync($"cluster {run} %");
        var overdue = await WaitForAsync(async () => await TimelineCountAsync(api, timerCase, "DispatchOverdue") is > 0 and var n ? n : (int?)null, TimeSpan.FromSeconds(20));
        // Time for a second firing, were there one.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var overdueFinally = await TimelineCountAsync(api, timerCase, "DispatchOverdue");

        var failed = _intakeFailures;
        output.WriteLine($"intake: {acknowledged.Count} acknowledged, {failed} refused or broken by the kill, {stored.Count} distinct descriptions stored, " +
                         $"{stored.Count - acknowledged.Count(a => stored.ContainsKey(a.Description))} stored without an acknowledgement");
        output.WriteLine($"hub client: the case reported after the kill heard {(heard - killedAt)?.TotalSeconds:F1} s after the kill");
        output.WriteLine($"timer: DispatchOverdue recorded {overdueFinally} time(s)");
        output.WriteLine($"wall: the case reported after the kill shown {(shownOnWall - killedAt).TotalSeconds:F1} s after the kill, " +
                         $"{(shownOnWall - reportedAt).TotalSeconds:F1} s after its report; {uncaught.Count} uncaught errors");
        output.WriteLine($"hub client: {events.Count} events heard in all, {events.Count(e => e.At > killedAt)} after the kill");

        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, a => Assert.Equal(1, stored.GetValueOrDefault(a.Description)));
        Assert.All(stored, s => Assert.Equal(1, s.Value));
        Assert.NotNull(heard);
        Assert.True(heard!.Value - killedAt <= TimeSpan.FromSeconds(10), $"heard {(heard.Value - killedAt).TotalSeconds:F1} s after the kill");
        Assert.True(shownOnWall - killedAt <= TimeSpan.FromSeconds(10), $"shown on the wall {(shownOnWall - killedAt).TotalSeconds:F1} s after the kill");
        Assert.Empty(uncaught);
        Assert.NotNull(overdue);
        Assert.Equal(1, overdueFinally);
        var logged = _serverB.LoggedCaseNumbers();
        Assert.Contains((numberAfterKill, 1001), logged);
        Assert.Contains((timerNumber, 1003), logged);
    }

    private Dictionary<string, string> Settings() => new(ClusterProcess.ServerSettings(PostgresServer.Shared.ConnectionString(_database)))
    {
        ["Events__Provider"] = "Redis",
        ["Events__RedisConnectionString"] = _redis.ConnectionString,
    };

    private async Task<HubConnection> ConnectHubAsync(string token, ConcurrentQueue<(Guid, TimeSpan)> events, Stopwatch clock, TaskCompletionSource rejoined)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_proxyAddress, "hubs/live"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                // The proxy's affinity cookie, kept as a browser keeps it.
                o.Cookies = new CookieContainer();
            })
            .WithAutomaticReconnect(new EveryHalfSecond())
            .Build();
        hub.On<JsonElement>("caseChanged", e => events.Enqueue((e.GetProperty("caseId").GetGuid(), clock.Elapsed)));
        // A new connection has no groups: joined again after every reconnect, as the wall player does.
        hub.Reconnected += async _ =>
        {
            await hub.InvokeAsync("JoinStreet", 1);
            output.WriteLine($"hub client: reconnected and joined again {clock.Elapsed.TotalSeconds:F1} s into the run");
            rejoined.TrySetResult();
        };
        hub.Closed += e =>
        {
            output.WriteLine($"hub client: closed {clock.Elapsed.TotalSeconds:F1} s into the run: {e?.Message}");
            return Task.CompletedTask;
        };
        // Until the proxy's health check has found B not up yet, a start may be sent there and fail.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await hub.StartAsync();
                break;
            }
            catch (HttpRequestException) when (attempt < 20)
            {
                await Task.Delay(500);
            }
        }
        await hub.InvokeAsync("JoinStreet", 1);
        return hub;
    }

    private HttpClient Client(string token)
    {
        // No cookies: API callers are spread over the servers.
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = _proxyAddress, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static object Report(string description) =>
        new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 1, description };

    /// <summary>Reports until acknowledged (a request in flight to a dying server fails; the next goes elsewhere).</summary>
    private static async Task<(Guid Id, string Number)> ReportAsync(HttpClient api, string description)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await api.PostAsJsonAsync("/api/cases", Report(description));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var created = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return (created.GetProperty("id").GetGuid(), created.GetProperty("number").GetString()!);
                }
                if (attempt > 50) throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) when (attempt < 50) { }
            await Task.Delay(200);
        }
    }

    private async Task<List<(string Description, Guid Id)>> IntakeClientAsync(string token, string prefix, Stopwatch clock, TimeSpan end)
    {
        using var api = Client(token);
        var acknowledged = new List<(string, Guid)>();
        for (var i = 0; clock.Elapsed < end; i++)
        {
            var description = $"{prefix} {i} 楼道堆放杂物";
            try
            {
                using var response = await api.PostAsJsonAsync("/api/cases", Report(description));
                if (response.StatusCode == HttpStatusCode.Created)
                    acknowledged.Add((description, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
                else Interlocked.Increment(ref _intakeFailures);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _intakeFailures);
            }
        }
        return acknowledged;
    }

    /// <summary>Brings the accepted case's wait for dispatch due at <paramref name="dueUtc"/>, as if its limit were that short.</summary>
    private async Task MakeDispatchOverdueAtAsync(Guid caseId, DateTime dueUtc)
    {
        await using var connection = await OpenAsync();
        await using var update = new NpgsqlCommand(
            """
            UPDATE "Cases" SET "WaitStage" = 'PendingDispatch', "WaitStartedAtUtc" = @now, "WaitWarningAtUtc" = @due,
                "WaitDeadlineUtc" = @due, "WaitOverdueAtUtc" = NULL, "NextTimerAtUtc" = @due
            WHERE "Id" = @id
            """, connection);
        update.Parameters.AddWithValue("now", DateTime.UtcNow);
        update.Parameters.AddWithValue("due", dueUtc);
        update.Parameters.AddWithValue("id", caseId);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    private async Task<Dictionary<string, int>> StoredDescriptionsAsync(string pattern)
    {
        await using var connection = await OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT "Description", count(*) FROM "Cases" WHERE "Description" LIKE @pattern GROUP BY "Description" """, connection);
        query.Parameters.AddWithValue("pattern", pattern);
        var stored = new Dictionary<string, int>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) stored[reader.GetString(0)] = (int)reader.GetInt64(1);
        return stored;
    }

    private static async Task<int> TimelineCountAsync(HttpClient api, Guid caseId, string type)
    {
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        return detail.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("type").GetString() == type);
    }

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout) where T : struct =>
        await WaitForAsync(() => Task.FromResult(probe()), timeout);

    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : struct
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(100);
        }
        return null;
    }

    /// <summary>A dead server leaves the proxy's rotation within seconds: until then every try meets it, so keep trying.</summary>
    private sealed class EveryHalfSecond : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            context.ElapsedTime < TimeSpan.FromSeconds(30) ? TimeSpan.FromMilliseconds(500) : null;
    }

    private Task<NpgsqlConnection> OpenAsync() => PostgresServer.Shared.OpenAsync(_database);
}
