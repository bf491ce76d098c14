using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CommandCenter.Infrastructure.Health;

/// <summary>
/// What a server needs before a load balancer sends it work: the database, Redis when the event stream
/// runs through it, and the deadline scheduler when this server runs timers. Each is a check tagged
/// <see cref="Ready"/>; liveness asks none of them (a database outage is not cured by restarting the server).
/// </summary>
public static class ReadinessChecks
{
    public const string Ready = "ready";

    public static IServiceCollection AddReadinessChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseCheck>("database", tags: [Ready]);
        if (configuration.GetSection(EventsOptions.Section).Get<EventsOptions>() is { Provider: EventsProvider.Redis })
            checks.AddCheck<RedisCheck>("redis", tags: [Ready]);
        var deadlines = configuration.GetSection(DeadlineOptions.Section).Get<DeadlineOptions>() ?? new DeadlineOptions();
        if (deadlines.RunTimers)
        {
            // Quartz's own check: running, and its job store (the clustered tables on a server database) answers.
            checks.AddQuartz(options =>
            {
                options.Name = "scheduler";
                options.Tags.Add(Ready);
                // Degraded once the other servers would take this one for dead, not after Quartz's three intervals:
                // with a check-in every second that would be three seconds, a pause a loaded server sees.
                options.ClusterCheckinTolerance = (int)Math.Ceiling((deadlines.ClusterCheckinInterval + deadlines.ClusterCheckinMisfireThreshold) / deadlines.ClusterCheckinInterval);
            });
        }
        return services;
    }

    private sealed class DatabaseCheck(IDbContextFactory<CommandCenterDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }

    private sealed class RedisCheck(StackExchange.Redis.IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!redis.IsConnected) return HealthCheckResult.Unhealthy("Redis is not connected.");
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
    }
}
