using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommandCenter.Web.Api;

/// <summary>An administrator's API: bearer tokens for wall players and other systems, the audit log, and who decides.</summary>
public static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder endpoints)
    {
        var tokens = endpoints.MapGroup("/api/admin/tokens").WithTags("Access").RequireAuthorization(Policies.ManageDisplayTokens);
        tokens.MapGet("/", async (ApiCaller caller, AccessTokenService service, CancellationToken ct) => (await service.ListAsync(caller.Post, ct)).Select(TokenView.Of))
            .WithSummary("Every token ever made for the caller's street (every street's for a district administrator), revoked ones included; never the secrets.");
        tokens.MapPost("/display", CreateDisplayAsync)
            .WithSummary("A read-only wall token for one street or one community of it, within the caller's street; the secret is in this answer only.");
        tokens.MapPost("/staff", CreateStaffAsync).WithSummary("A token acting as one staff member, for another system or app; the secret is in this answer only.");
        tokens.MapPost("/{id:int}/revoke", async (int id, ApiCaller caller, AccessTokenService service, CancellationToken ct) =>
            {
                await service.RevokeAsync(id, caller.Post, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revokes a token at once: API calls, hub connections and open walls using it are refused.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapGet("/api/admin/audit", AuditAsync).WithTags("Access").RequireAuthorization(Policies.ViewAudit)
            .WithSummary("The audit log, newest first, filtered by actor, staff member, the post they acted as (postNumber, with staffId: " +
                "422 AuditPostNeedsPerson without it, 422 UnknownReference for a post they never held), unit, case, source and time.");

        var decisions = endpoints.MapGroup("/api/admin/decisions").WithTags("Access").RequireAuthorization(Policies.AdministerPolicies);
        decisions.MapGet("/", (DecisionRightsAdministration admin) => admin.Current)
            .WithSummary("Who decides: per decision on a case, the posts that may take it, and the table's revision.");
        decisions.MapPut("/", (DecisionRightsInput input, ApiCaller caller, DecisionRightsAdministration admin, CancellationToken ct) => admin.UpdateAsync(caller.Post, input, ct))
            .WithSummary("Replaces the whole table, given the revision the editor saw; 422 for an unknown decision or post, an empty row or a post that cannot decide; 409 when someone changed it first.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<Created<IssuedTokenView>> CreateDisplayAsync(DisplayTokenRequest request, ApiCaller caller, AccessTokenService service, CancellationToken ct) =>
        Issued(await service.CreateDisplayAsync(request.Name ?? "", request.StreetId, request.CommunityId, caller.Post, ct));

    private static async Task<Created<IssuedTokenView>> CreateStaffAsync(StaffTokenRequest request, ApiCaller caller, AccessTokenService service, CancellationToken ct) =>
        Issued(await service.CreateStaffAsync(request.Name ?? "", RequestField.Required(request.StaffId, "staffId"), caller.Post, ct));

    private static Created<IssuedTokenView> Issued(IssuedToken issued) =>
        TypedResults.Created($"/api/admin/tokens/{issued.Token.Id}", new IssuedTokenView(TokenView.Of(issued.Token), issued.Secret));

    private static async Task<Ok<PagedResult<AuditRecord>>> AuditAsync(
        string? actor, StaffId? staffId, int? postNumber, UnitId? unitId, Guid? caseId, ActSource? source, DateTime? fromUtc, DateTime? toUtc, int? page, int? pageSize,
        AuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.QueryAsync(new AuditQuery
        {
            Actor = actor, StaffId = staffId, PostNumber = postNumber, UnitId = unitId, CaseId = caseId, Source = RequestField.Optional(source, "source"),
            FromUtc = fromUtc?.ToUniversalTime(), ToUtc = toUtc?.ToUniversalTime(), Page = page ?? 0, PageSize = pageSize ?? 50,
        }, ct));
}

/// <summary>A display token's request: the street may be left out for a community (its street) or by a street's administrator (theirs).</summary>
public sealed record DisplayTokenRequest(string? Name, StreetId? StreetId, CommunityId? CommunityId);

public sealed record StaffTokenRequest(string? Name, StaffId? StaffId);

/// <summary>A token as a list shows it: its first characters, never its secret or hash.</summary>
public sealed record TokenView(
    int Id, AccessTokenKind Kind, string Name, string Prefix, StaffId? StaffId, StreetId? StreetId, CommunityId? CommunityId,
    DateTime CreatedAtUtc, string CreatedBy, DateTime? RevokedAtUtc, string? RevokedBy)
{
    public static TokenView Of(AccessToken t) =>
        new(t.Id, t.Kind, t.Name, t.Prefix, t.StaffId, t.StreetId, t.CommunityId, t.CreatedAtUtc, t.CreatedBy, t.RevokedAtUtc, t.RevokedBy);
}

public sealed record IssuedTokenView(TokenView Token, string Secret);
