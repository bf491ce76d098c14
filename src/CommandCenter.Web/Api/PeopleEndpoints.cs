using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommandCenter.Web.Api;

/// <summary>An administrator's API for people: staff with their post, and their sign-ins.</summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/admin/staff").WithTags("People").RequireAuthorization(Policies.AdministerPeople);
        staff.MapPost("/", AddAsync)
            .WithSummary("Adds a staff member with their post (role; unit, community or grid as the role needs; a street for a street- or district-level post, blank: district level — a community's post takes its community's street) and, given a user name and password, a sign-in; 422 naming the field for a street contradicting the post's community or outside the caller's street, a duplicate phone, a taken user name, a weak password or an unknown unit.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        staff.MapGet("/", (string? search, ApiCaller caller, PeopleAdministration people, CancellationToken ct) => people.ListAsync(search, caller.Post, ct))
            .WithSummary($"Staff whose name, phone or user name holds the search text, with their post, street, whether active, and their user names (a street's administrator: their street's people); at most {PeopleAdministration.MaxListed}.");
        staff.MapPut("/{staffId:int}", async (int staffId, StaffEditRequest request, ApiCaller caller, PeopleAdministration people, CancellationToken ct) =>
            {
                await people.EditAsync(new StaffId(staffId), new StaffEdit(request.Name, request.Phone, RequestField.Required(request.Role, "role"),
                    request.UnitId, request.CommunityId, request.GridId, RequestField.Required(request.Active, "active"))
                    { CourtyardId = request.CourtyardId, StreetId = request.StreetId }, caller.Post, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Changes a staff member's name, phone, first post or whether they are active (an inactive one signs in and acts no more, but stays on their cases); 404 for an unknown id, 422 naming the field (a street contradicting the post's community or outside the caller's street). Another street's person is 404 to a street's administrator.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        staff.MapPost("/{staffId:int}/posts", async (int staffId, PostRequest request, ApiCaller caller, PeopleAdministration people, CancellationToken ct) =>
            {
                var number = await people.AddPostAsync(new StaffId(staffId), new NewPost(RequestField.Required(request.Role, "role"),
                    request.UnitId, request.CommunityId, request.GridId, request.CourtyardId), caller.Post, ct);
                return TypedResults.Created($"/api/admin/staff/{staffId}/posts/{number}", new AddedPost(number));
            })
            .WithSummary("Gives a staff member one more post (a 书记 who is also 网格长; a building head: a courtyard-level unit and the courtyard it serves); they choose which post they act in. 404 for an unknown id, 422 for a post they hold already or one its unit cannot hold.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        staff.MapPost("/{staffId:int}/posts/{number:int}/end", (int staffId, int number, ApiCaller caller, PeopleAdministration people, CancellationToken ct) =>
                Changed(people.EndPostAsync(new StaffId(staffId), number, caller.Post, ct)))
            .WithSummary("Ends one of a staff member's posts: kept on record, it opens nothing from their next request. 404 for an unknown id, 422 for a post they do not hold or their last one (make them inactive instead).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var accounts = endpoints.MapGroup("/api/admin/accounts").WithTags("People").RequireAuthorization(Policies.AdministerPeople);
        accounts.MapGet("/", (string? search, PeopleAdministration people, CancellationToken ct) => people.AccountsAsync(search, ct))
            .WithSummary($"Sign-ins whose user name or person's name holds the search text, with their state (active, password change due, locked, disabled); at most {PeopleAdministration.MaxListed}.");
        accounts.MapPost("/{userName}/disable", (string userName, ApiCaller caller, PeopleAdministration people, CancellationToken ct) =>
                Changed(people.SetAccountAsync(userName, AccountChange.Disable, caller.Post, ct)))
            .WithSummary("Disables a sign-in until it is unlocked; open sessions end at their next check. 404 for an unknown user name, 422 for one's own.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPost("/{userName}/unlock", (string userName, ApiCaller caller, PeopleAdministration people, CancellationToken ct) =>
                Changed(people.SetAccountAsync(userName, AccountChange.Unlock, caller.Post, ct)))
            .WithSummary("Unlocks a sign-in, disabled or locked by wrong passwords. 404 for an unknown user name.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/{userName}/reset-password", async (string userName, ApiCaller caller, Passwords passwords, CancellationToken ct) =>
                TypedResults.Ok(new PasswordResetAnswer(userName.Trim(), await passwords.ResetAsync(userName, caller.Post, ct))))
            .WithSummary("Gives a sign-in a one-time password, in this answer only; its sessions end, and at the next sign-in it opens nothing until the person sets their own. 404 for an unknown user name, 422 for a demo account.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<NoContent> Changed(Task change)
    {
        await change;
        return TypedResults.NoContent();
    }

    private static async Task<Created<AddedStaff>> AddAsync(StaffRequest request, ApiCaller caller, PeopleAdministration people, CancellationToken ct)
    {
        var added = await people.AddAsync(new NewStaff(
            request.Name, request.Phone, RequestField.Required(request.Role, "role"), request.UnitId, request.CommunityId, request.GridId,
            request.UserName, request.Password) { CourtyardId = request.CourtyardId, StreetId = request.StreetId }, caller.Post, ct);
        return TypedResults.Created($"/api/admin/staff/{added.Id}", added);
    }
}

public sealed record StaffEditRequest(string? Name, string? Phone, AccessRole? Role, UnitId? UnitId, CommunityId? CommunityId, GridId? GridId, bool? Active)
{
    public CourtyardId? CourtyardId { get; init; }
    /// <inheritdoc cref="StaffRequest.StreetId"/>
    public StreetId? StreetId { get; init; }
}

/// <summary>One more post: a role, and the unit, community, grid or courtyard it is made of.</summary>
public sealed record PostRequest(AccessRole? Role, UnitId? UnitId, CommunityId? CommunityId, GridId? GridId, CourtyardId? CourtyardId);

public sealed record AddedPost(int Number);

public sealed record StaffRequest(
    string? Name, string? Phone, AccessRole? Role, UnitId? UnitId, CommunityId? CommunityId, GridId? GridId, string? UserName, string? Password)
{
    /// <summary>A building head's courtyard.</summary>
    public CourtyardId? CourtyardId { get; init; }
    /// <summary>A street- or district-level person's street (null: district level, or a street administrator's own); a community's post brings its own.</summary>
    public StreetId? StreetId { get; init; }
}

/// <summary>A reset's one-time password, for the administrator to hand to the person.</summary>
public sealed record PasswordResetAnswer(string UserName, string TemporaryPassword);
