using System.Security.Claims;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Web.Access;

/// <summary>
/// A person changing their own password: the page's form post and the same as an API call. Only a
/// person signed in with their password may (a bearer token acting as them may not); afterwards the
/// sign-in is renewed with the new security stamp, so this session goes on and every other one ends.
/// </summary>
public static class PasswordEndpoints
{
    public const string PagePath = "/account/password";
    public const string FormPath = "/account/password/change";
    public const string ApiPath = "/api/account/password";

    public static IEndpointRouteBuilder MapPasswords(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(FormPath, ChangeFromFormAsync).RequireAuthorization().DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapPost(ApiPath, ChangeAsync).RequireAuthorization().WithTags("Access")
            .WithSummary("Changes the signed-in person's own password, given the current one; 422 naming the field for a wrong current password, a weak or unchanged new one, or a demo account; 403 for a bearer token.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    /// <summary>Whom a password change is for: a staff member signed in with a password, not a token acting as one.</summary>
    public static StaffId? PersonOf(ClaimsPrincipal user) =>
        PostClaims.Int(user, PostClaims.TokenId) is null && PostClaims.Int(user, PostClaims.StaffId) is { } staffId ? new StaffId(staffId) : null;

    private static async Task<IResult> ChangeAsync(
        PasswordChangeRequest request, HttpContext http, Passwords passwords, OrganisationDirectory directory, SignInManager<UserAccount> signIn)
    {
        if (PersonOf(http.User) is not { } staffId || PostClaims.PostOf(http.User, directory, ActSource.Api) is not { } post)
            return ApiProblem.Of(http, ErrorTable.OfStatus(StatusCodes.Status403Forbidden));
        await passwords.ChangeOwnAsync(staffId, request.CurrentPassword, request.NewPassword, post, http.RequestAborted);
        await RenewSignInAsync(http, signIn);
        return TypedResults.NoContent();
    }

    /// <summary>The page's form: done, on to where the person was going; refused, back to the page with the reason's code and field.</summary>
    private static async Task<IResult> ChangeFromFormAsync(
        HttpContext http, IAntiforgery antiforgery, Passwords passwords, OrganisationDirectory directory, SignInManager<UserAccount> signIn)
    {
        if (!http.Request.HasFormContentType)
            throw new BadHttpRequestException("Change the password with the form.", StatusCodes.Status415UnsupportedMediaType);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = Hardening.LocalPath.OrNull(form.Single("returnUrl"));
        if (!await antiforgery.IsRequestValidAsync(http)) return Back("Expired", null, back);
        if (PersonOf(http.User) is not { } staffId || PostClaims.PostOf(http.User, directory, ActSource.Console) is not { } post)
            return Results.LocalRedirect(AccessSetup.LoginPath);
        try
        {
            // Typed twice on the page only: a program calling the API has no typing to check.
            if (form.Single("newPassword") != form.Single("confirmPassword"))
                throw new DomainValidationException("PasswordMismatch", "The two new passwords differ.", "confirmPassword");
            await passwords.ChangeOwnAsync(staffId, form.Single("currentPassword"), form.Single("newPassword"), post, http.RequestAborted);
        }
        catch (DomainValidationException e)
        {
            return Back(e.Code, e.Field, back);
        }
        await RenewSignInAsync(http, signIn);
        return Results.LocalRedirect(back ?? $"{AccountEndpoints.HomeOf(post)}");
    }

    /// <summary>
    /// A new cookie with the new stamp. Not RefreshSignInAsync: it authenticates the request again, and the old
    /// cookie, whose stamp the change has just replaced, no longer holds (<see cref="SessionStanding"/>).
    /// </summary>
    private static async Task RenewSignInAsync(HttpContext http, SignInManager<UserAccount> signIn)
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is { } account) await signIn.SignInAsync(account, isPersistent: false);
    }

    private static IResult Back(string error, string? field, string? returnUrl) =>
        Results.LocalRedirect($"{PagePath}?error={Uri.EscapeDataString(error)}"
            + (field is null ? "" : "&field=" + Uri.EscapeDataString(field))
            + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl)));
}

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
