using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace CommandCenter.Web.Public;

/// <summary>Limits per client address on what anyone can reach without signing in (section "PublicLimits").</summary>
public sealed class PublicLimitsOptions
{
    public const string Section = "PublicLimits";

    /// <summary>Page views and reads of the public API per client per minute.</summary>
    [Range(1, 100_000)] public int ReadsPerMinute { get; set; } = 120;

    /// <summary>Reports and ratings per client per ten minutes: a resident sends a few, a flood is abuse.</summary>
    [Range(1, 10_000)] public int SubmissionsPerTenMinutes { get; set; } = 10;
}

/// <summary>
/// ASP.NET Core rate limiting for the public surfaces. Reads are limited by the middleware
/// policy; submissions by <see cref="SubmissionLimiter"/>, which the API and the interactive
/// pages share — a page's submit travels over its circuit, not as an HTTP request.
/// </summary>
public static class PublicRateLimits
{
    public const string ReadPolicy = "public-read";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicLimitsOptions>().Bind(configuration.GetSection(PublicLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubmissionLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => new ValueTask(ApiProblem.TooManyRequests().ExecuteAsync(context.HttpContext));
            limiter.AddPolicy(ReadPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublicLimitsOptions>>().Value.ReadsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
        });
        return services;
    }

    public static string ClientKey(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Submissions (reports, ratings) per client address, whichever way they arrive.</summary>
public sealed class SubmissionLimiter(Microsoft.Extensions.Options.IOptions<PublicLimitsOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SubmissionsPerTenMinutes, Window = TimeSpan.FromMinutes(10), QueueLimit = 0,
        }));

    /// <summary>True when the client may submit now; the permit is spent either way the submission ends.</summary>
    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
