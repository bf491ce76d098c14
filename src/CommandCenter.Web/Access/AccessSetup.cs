using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Access;

/// <summary>
/// Who is calling: a person signed in with ASP.NET Core Identity (cookie), a wall player with a
/// display token (query once, then its own cookie), or another system with a bearer token. One
/// policy scheme picks the right one per request, so pages, API and hub share the same policies.
/// </summary>
public static class AccessSetup
{
    public const string Scheme = "CommandCenter";
    public const string TokenScheme = "AccessToken";
    public const string DisplayScheme = "Display";
    public const string DisplayCookie = ".CommandCenter.Display";
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddCommandCenterAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var access = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();

        services.AddIdentityCore<UserAccount>(o =>
            {
                o.Password.RequiredLength = Domain.Access.SignInRules.MinPasswordLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = access.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = access.LockoutDuration;
            })
            .AddUserStore<AccountStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<UserAccountClaims>();

        // Sign-in cookies and antiforgery tokens stay valid across restarts and on every server: the key ring
        // is registered by AddCommandCenterInfrastructure, which seals the archive's personal numbers with it.

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(TokenScheme, null)
            .AddCookie(DisplayScheme, o =>
            {
                o.Cookie.Name = DisplayCookie;
                o.ExpireTimeSpan = TimeSpan.FromDays(30);
                o.SlidingExpiration = true;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = LoginPath;
                o.Events.OnValidatePrincipal = DisplayCookieValidation.ValidateAsync;
                o.Events.OnRedirectToLogin = ApiAnswersWithStatus(StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ApiAnswersWithStatus(StatusCodes.Status403Forbidden);
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".CommandCenter.SignIn";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionStanding.ValidateCookieAsync;
            o.Events.OnRedirectToLogin = ApiAnswersWithStatus(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAnswersWithStatus(StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, CapabilityHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SignInRevalidation>();
        services.AddScoped<Session.CurrentActor>();
        services.AddScoped<Session.QueueLocation>();
        services.AddScoped<Session.DeskMemory>();
        services.AddSingleton<DemoAccountGate>();
        return services;
    }

    private static string SchemeFor(HttpContext http) =>
        AccessTokenAuthentication.CarriesToken(http.Request) ? TokenScheme
        : http.Request.Cookies.ContainsKey(DisplayCookie) ? DisplayScheme
        : IdentityConstants.ApplicationScheme;

    /// <summary>The API and the hub answer 401/403; only pages are sent to the sign-in page.</summary>
    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, Task> ApiAnswersWithStatus(int status) =>
        context =>
        {
            if (IsMachinePath(context.Request.Path)) context.Response.StatusCode = status;
            else context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };

    /// <summary>Styles, scripts and the framework's files: open to a page that a gate lets through, which needs them.</summary>
    public static bool IsAsset(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || Path.HasExtension(path.Value);

    /// <summary>Paths read by programs and image tags, not people: errors are ProblemDetails, never a page or a redirect.</summary>
    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/photos");
}
