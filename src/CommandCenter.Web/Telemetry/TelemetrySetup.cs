using System.Net;
using CommandCenter.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;

namespace CommandCenter.Web.Telemetry;

/// <summary>Section "Telemetry".</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Whether /metrics answers callers other than this machine. Off by default: the figures say how busy
    /// the street is; a Prometheus on another host is let in on purpose (and behind the firewall).
    /// </summary>
    public bool MetricsFromAnyAddress { get; set; }
}

/// <summary>
/// OpenTelemetry metrics in Prometheus text format at <see cref="MetricsPath"/>: the command centre's own
/// instruments (<see cref="CommandCenterMetrics"/>, circuits, walls), ASP.NET Core's request duration, and the
/// runtime's own (garbage collections and their pauses, the thread pool's queue, lock contention): a request
/// that is slow while the app is idle is often a pause of the collector.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>The meter the .NET runtime publishes its instruments on (dotnet.gc.*, dotnet.thread_pool.*).</summary>
    private const string RuntimeMeter = "System.Runtime";

    public static IServiceCollection AddCommandCenterTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        services.AddSingleton<WallLiveness>();
        services.AddSingleton<CircuitHandler, CircuitMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CommandCenterMetrics.MeterName, RuntimeMeter)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Serves /metrics to this machine, or to anyone when configured; to others the path does not exist.</summary>
    public static IApplicationBuilder UseMetricsEndpoint(this WebApplication app)
    {
        // The instruments observe singletons: created now, so the first scrape already has them.
        app.Services.GetRequiredService<CommandCenterMetrics>();
        app.Services.GetRequiredService<WallLiveness>();
        var anyAddress = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.MetricsFromAnyAddress ?? false;
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == MetricsPath && (anyAddress || http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)));
    }
}
