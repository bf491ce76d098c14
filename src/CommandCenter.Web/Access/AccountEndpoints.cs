using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using CommandCenter.Web.Api;

namespace CommandCenter.Web.Access;

/// <summary>
/// Sign-in and sign-out as plain form posts: cookies are set on an HTTP response, not over a
/// Blazor circuit. Each checks its antiforgery token itself, so a stale form (an old tab, a
/// restarted server) comes back to the sign-in page with a sentence rather than a bare 400.
/// Every attempt is audited; attempts are also limited per client address (<see cref="AccessOptions.SignInAttemptsPerMinute"/>).
/// </summary>
public static class AccountEndpoints
{
    /// <summary>Where the form posts: not the page's own path, which the page's endpoint also answers for POST.</summary>
    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/logout";
    /// <summary>Where a person with several posts chooses the one they act in (the app bar's post switcher).</summary>
    public const string ChoosePostPath = "/account/post";
    public const int MaxUserNameLength = SignInRules.MaxUserNameLength;
    public const int MaxPasswordLength = SignInRules.MaxPasswordLength;

    private static readonly UserAccount Decoy = new() { UserName = "decoy" };
    private static readonly string DecoyHash = new PasswordHasher<UserAccount>().HashPassword(Decoy, Guid.NewGuid().ToString());

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPath, SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(Public.PublicRateLimits.SignInPolicy);
        endpoints.MapPost(SignOutPath, SignOutAsync).DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapPost(ChoosePostPath, ChoosePostAsync).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<UserAccount> signIn, DemoAccountGate demo, OrganisationDirectory directory, AuditLog audit)
    {
        if (!http.Request.HasFormContentType)
            throw new BadHttpRequestException("Sign in with the form.", StatusCodes.Status415UnsupportedMediaType);
        // A repeated field is refused rather than joined with commas, which would make another user name or password.
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var userName = form.Single("userName").Trim();
        var password = form.Single("password");
        var back = Hardening.LocalPath.OrNull(form.Single("returnUrl"));
        if (!await antiforgery.IsRequestValidAsync(http)) return Back("expired", back, userName);
        if (userName.Length is 0 or > MaxUserNameLength || password.Length is 0 or > MaxPasswordLength)
            return Back("invalid", back, userName);

        var account = await signIn.UserManager.FindByNameAsync(userName);
        var post = account is not null && directory.StaffMember(account.StaffId) is { IsActive: true } staff
            ? directory.PostOf(staff, ActSource.Console, account.PostNumber) : null;
        var attempt = post ?? new Post { Role = AccessRole.System, Name = userName, Source = ActSource.Console };
        if (account is null || post is null)
        {
            // Hash anyway, so an unknown name takes as long as a wrong password and names cannot be probed.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash, password);
            await audit.WriteAsync(attempt, AuditActions.SignInFailed, detail: "unknown user");
            return Back("invalid", back, userName);
        }
        if (demo.Refuses(account))
        {
            await audit.WriteAsync(attempt, AuditActions.SignInFailed, detail: "demo account refused outside a demo");
            return Back("demo", back, userName);
        }

        var result = await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await http.SignOutAsync(AccessSetup.DisplayScheme);
            await audit.WriteAsync(post, AuditActions.SignedIn);
            // After a reset the one-time password opens only the page that replaces it.
            if (account.MustChangePassword)
                return Results.LocalRedirect(PasswordEndpoints.PagePath + (back is null ? "" : "?returnUrl=" + Uri.EscapeDataString(back)));
            return Results.LocalRedirect(back ?? HomeOf(post));
        }
        await audit.WriteAsync(post, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed);
        return Back(result.IsLockedOut ? "locked" : "invalid", back, userName);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<UserAccount> signIn, OrganisationDirectory directory, AuditLog audit)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.LocalRedirect("/");
        if (PostClaims.PostOf(http.User, directory, ActSource.Console) is { } post) await audit.WriteAsync(post, AuditActions.SignedOut);
        await signIn.SignOutAsync();
        await http.SignOutAsync(AccessSetup.DisplayScheme);
        return Results.LocalRedirect(AccessSetup.LoginPath);
    }

    /// <summary>
    /// A person with several posts acts in the one they choose here, from their next request on (the sign-in's cookie is
    /// made again with it) and from their next sign-in (the account remembers it). A post they do not hold, a stale form or
    /// a token's sign-in changes nothing. The choice is audited in the post chosen; they land on that post's home.
    /// </summary>
    private static async Task<IResult> ChoosePostAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<UserAccount> signIn, OrganisationDirectory directory, AuditLog audit)
    {
        if (!http.Request.HasFormContentType)
            throw new BadHttpRequestException("Choose a post with the form.", StatusCodes.Status415UnsupportedMediaType);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = Hardening.LocalPath.OrNull(form.Single("returnUrl")) ?? "/";
        if (!await antiforgery.IsRequestValidAsync(http) || PostClaims.Int(http.User, PostClaims.TokenId) is not null) return Results.LocalRedirect(back);
        var account = await signIn.UserManager.GetUserAsync(http.User);
        if (account is null || directory.StaffMember(account.StaffId) is not { IsActive: true } staff
            || !int.TryParse(form.Single("post"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || staff.CurrentPost(number) is null)
            return Results.LocalRedirect(back);
        account.PostNumber = number;
        var saved = await signIn.UserManager.UpdateAsync(account);
        if (!saved.Succeeded) return Results.LocalRedirect(back);
        await signIn.RefreshSignInAsync(account);
        var post = directory.PostOf(staff, ActSource.Console, number);
        await audit.WriteAsync(post, AuditActions.PostChosen, detail: $"post {number} of staff {staff.Id}");
        return Results.LocalRedirect(HomeOf(post));
    }

    /// <summary>People who work from a phone land on their tasks; everyone else on the console.</summary>
    public static string HomeOf(Post post) => post.Can(Capability.ViewCases) && post.Scope is ScopeKind.Street or ScopeKind.Community or ScopeKind.Department ? "/" : "/m";

    /// <summary>Back to the form with the reason, the page asked for and the user name typed, so only the password is typed again.</summary>
    private static IResult Back(string error, string? returnUrl, string userName) =>
        Results.LocalRedirect($"{AccessSetup.LoginPath}?error={error}"
            + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl))
            + (userName.Length is 0 or > MaxUserNameLength ? "" : "&user=" + Uri.EscapeDataString(userName)));

}
