using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Setup;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommandCenter.Web.Setup;

/// <summary>
/// The one-time setup as an API call and as the setup page's form post, and a health answer load
/// balancers can ask before and after it. Anonymous by nature (nobody can sign in yet), so the
/// code from the server's log is the key: twelve characters of 32 (60 bits) are not guessed
/// through HTTP, so attempts are not counted against the sign-in limit, which they would use up.
/// </summary>
public static class SetupEndpoints
{
    public const string PagePath = "/setup";
    public const string FormPath = "/setup/complete";
    public const string ApiPath = "/api/setup";
    public const string HealthPath = "/health";

    public static IEndpointRouteBuilder MapSetup(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ApiPath, CompleteAsync).AllowAnonymous().WithTags("Setup")
            .WithSummary("Opens an empty database's street: district, street and first administrator, given the setup code the server logged on start; 409 once done, 403 for a wrong code, 422 for invalid input.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        endpoints.MapPost(FormPath, CompleteFromFormAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapGet(HealthPath, HealthAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Created<SetupResult>> CompleteAsync(SetupRequest request, FirstStart firstStart, CancellationToken ct) =>
        TypedResults.Created("/api/reference/communities", await firstStart.CompleteAsync(request.Input, request.SetupCode ?? "", ActSource.Api, ct));

    /// <summary>The page's form: done, to the sign-in page with the new user name; refused, back to the page with the reason's code.</summary>
    private static async Task<IResult> CompleteFromFormAsync(HttpContext http, IAntiforgery antiforgery, FirstStart firstStart)
    {
        if (!http.Request.HasFormContentType)
            throw new BadHttpRequestException("Set up with the form.", StatusCodes.Status415UnsupportedMediaType);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!await antiforgery.IsRequestValidAsync(http)) return Back("Expired", null);
        var input = new SetupInput(
            form.Single("districtName"), form.Single("streetName"), form.Single("streetCode"),
            form.Single("adminName"), form.Single("adminPhone"), form.Single("userName"), form.Single("password"));
        try
        {
            var done = await firstStart.CompleteAsync(input, form.Single("setupCode"), ActSource.Console, http.RequestAborted);
            return Results.LocalRedirect($"{AccessSetup.LoginPath}?reason=setup&user={Uri.EscapeDataString(done.UserName)}");
        }
        catch (SetupRefusedException e)
        {
            return e.Refusal == SetupRefusal.AlreadyDone ? Results.LocalRedirect(AccessSetup.LoginPath) : Back(ErrorTable.Of(e).Code, null);
        }
        catch (DomainValidationException e)
        {
            return Back(e.Code, e.Field);
        }
    }

    private static async Task<IResult> HealthAsync(HttpContext http, FirstStart firstStart) =>
        await firstStart.IsNeededAsync(http.RequestAborted) ? ApiProblem.Of(http, SetupGate.Required) : Results.Ok(new { status = "ready" });

    private static IResult Back(string error, string? field) =>
        Results.LocalRedirect($"{PagePath}?error={Uri.EscapeDataString(error)}" + (field is null ? "" : "&field=" + Uri.EscapeDataString(field)));
}

/// <summary>The setup as the API takes it: the code from the server's log and what the street is.</summary>
public sealed record SetupRequest(
    string? SetupCode, string? DistrictName, string? StreetName, string? StreetCode, string? AdminName, string? AdminPhone, string? UserName, string? Password)
{
    public SetupInput Input => new(DistrictName, StreetName, StreetCode, AdminName, AdminPhone, UserName, Password);
}
