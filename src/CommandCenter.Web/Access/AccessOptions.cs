using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Access;

/// <summary>Section "Access": how sign-ins behave.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>How often an open circuit checks that its sign-in or display token still holds; a revoked token ends within this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in attempts per client address per minute, whatever the account: lockout guards one
    /// account, this stops one address trying a password across all of them.
    /// </summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 20;
}
