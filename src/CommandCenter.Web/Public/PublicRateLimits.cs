using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

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
/// ASP.NET Core rate limiting for what anyone can reach without an account. Reads (the public
/// API and the residents' pages) and sign-in attempts are limited by middleware policies per
/// client address; submissions by <see cref="SubmissionLimiter"/>, which the API and the
/// interactive pages share — a page's submit travels over its circuit, not as an HTTP request.
/// Past a limit the API answers a 429 ProblemDetails, a page or a form a plain sentence, both with Retry-After.
/// </summary>
public static class PublicRateLimits
{
    public const string ReadPolicy = "public-read";
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicLimitsOptions>().Bind(configuration.GetSection(PublicLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubmissionLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                // Every policy here counts per minute, so a lease without metadata can name the window.
                ErrorAnswer.RetryAfter(http, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
                if (http.Request.Path == AccountEndpoints.SignInPath)
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountEndpoints)).LogWarning("Sign-in attempts from {Client} refused: past the limit per address", ClientKey(http));
                await ErrorAnswer.WriteAsync(http, ErrorTable.OfStatus(StatusCodes.Status429TooManyRequests));
            };
            limiter.AddPolicy(ReadPolicy, http =>
                PerMinute(http, http.RequestServices.GetRequiredService<IOptions<PublicLimitsOptions>>().Value.ReadsPerMinute));
            limiter.AddPolicy(SignInPolicy, http =>
                PerMinute(http, http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.SignInAttemptsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(HttpContext http, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });

    public static string ClientKey(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Submissions (reports, ratings) per client address, whichever way they arrive.</summary>
public sealed class SubmissionLimiter(IOptions<PublicLimitsOptions> options) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SubmissionsPerTenMinutes, Window = Window, QueueLimit = 0,
        }));

    /// <summary>True when the client may submit now; the permit is spent either way the submission ends. Otherwise how long to wait.</summary>
    public bool TryAcquire(string client, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(client);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
