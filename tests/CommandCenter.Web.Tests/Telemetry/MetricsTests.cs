using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Web.Telemetry;
using CommandCenter.Web.Tests.Support;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Web.Tests.Telemetry;

/// <summary>The operators' figures: Prometheus text at /metrics, to this machine only unless configured.</summary>
public sealed class MetricsTests(MetricsTests.Apps apps) : IClassFixture<MetricsTests.Apps>
{
    /// <summary>An app that shows its figures to any address and one that keeps them to this machine, each started when a test first asks.</summary>
    public sealed class Apps : IAsyncLifetime
    {
        public CommandCenterFactory Open { get; } = new() { Settings = new Dictionary<string, string> { ["Telemetry:MetricsFromAnyAddress"] = "true" } };
        public CommandCenterFactory Closed { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            await Open.DisposeAsync();
            await Closed.DisposeAsync();
        }
    }

    private readonly CommandCenterFactory _open = apps.Open;
    private readonly CommandCenterFactory _closed = apps.Closed;

    [Fact]
    public async Task Metrics_ShowOpenCasesByState_TheOutbox_Walls_RequestDurationsAndTheCollector()
    {
        var client = _open.ClientAs("dispatcher");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases/")).StatusCode);
        // From the store, not from the projection the gauge reads: every open case, by state.
        await using var db = await _open.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var open = (await db.Cases.Select(c => c.State).ToListAsync()).Where(s => !s.IsFinal()).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        var text = await _open.CreateClient().GetStringAsync(TelemetrySetup.MetricsPath);

        Assert.NotEmpty(open);
        foreach (var (state, count) in open)
            Assert.Contains($"cc_cases_open{{otel_scope_name=\"CommandCenter\",state=\"{state}\"}} {count}", text);
        Assert.Contains("cc_notices_outbox{otel_scope_name=\"CommandCenter\",state=\"Pending\"}", text);
        Assert.Contains("cc_notices_outbox{otel_scope_name=\"CommandCenter\",state=\"DeadLetter\"}", text);
        Assert.Contains("cc_walls_open{otel_scope_name=\"CommandCenter\"} 0", text);
        Assert.Contains("cc_walls_behind{otel_scope_name=\"CommandCenter\"} 0", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
        Assert.Contains("dotnet_gc_pause_time_seconds_total", text);
        Assert.Contains("dotnet_gc_collections_total", text);
    }

    [Fact]
    public async Task Metrics_FromAnotherMachine_DoNotExist()
    {
        var answer = await _closed.CreateClient().GetAsync(TelemetrySetup.MetricsPath);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.DoesNotContain("cc_cases_open", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public void AWall_IsBehind_WhenTheFiguresMovedOnAndItsBrowserShowedNothingFor5Seconds()
    {
        var projection = _open.Services.GetRequiredService<DashboardProjection>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var liveness = new WallLiveness(_open.Services.GetRequiredService<IMeterFactory>(), projection, clock);
        var (current, stale) = (new object(), new object());

        liveness.Opened(current);
        liveness.Opened(stale);
        liveness.Shown(current, projection.Version);
        Assert.Equal(0, liveness.Behind());

        clock.Advance(WallLiveness.BehindAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, liveness.Behind());

        liveness.Shown(stale, projection.Version);
        Assert.Equal(0, liveness.Behind());
        liveness.Closed(stale);
        liveness.Closed(current);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, liveness.Behind());
    }

    [Fact]
    public async Task AWall_WithNothingNewToShow_IsNotBehind_UntilTheFiguresMovedOn5SecondsAgo()
    {
        var projection = _open.Services.GetRequiredService<DashboardProjection>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var liveness = new WallLiveness(_open.Services.GetRequiredService<IMeterFactory>(), projection, clock);
        var wall = new object();
        liveness.Opened(wall);
        liveness.Shown(wall, projection.Version);

        // A quiet minute: the wall acknowledges nothing, and has nothing to.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, liveness.Behind());
        await using (var db = await _open.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync())
            await projection.RebuildAsync(db);
        // The figures moved just now: a wall last acknowledged a minute ago is not behind yet.
        Assert.Equal(0, liveness.Behind());

        clock.Advance(WallLiveness.BehindAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, liveness.Behind());
        liveness.Shown(wall, projection.Version);
        Assert.Equal(0, liveness.Behind());

        liveness.Closed(wall);
        liveness.Shown(wall, projection.Version);
        Assert.Equal(0, liveness.Open);
    }
}
