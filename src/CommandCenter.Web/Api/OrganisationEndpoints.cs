using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;

namespace CommandCenter.Web.Api;

/// <summary>An administrator's API for the district's organisation: its places, units and which courtyards they serve from which day; the categories.</summary>
public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder endpoints)
    {
        var units = endpoints.MapGroup("/api/admin/units").WithTags("Organisation").RequireAuthorization(Policies.AdministerOrganisation);
        units.MapGet("/", (UnitAdministration administration) => administration.List())
            .WithSummary("Every unit with its short name (as the wall shows it), level, the courtyards it serves today and its service periods on record, ended ones included.");
        units.MapPost("/", async (UnitInput input, ApiCaller caller, UnitAdministration administration, CancellationToken ct) =>
            {
                var unit = await administration.SaveAsync(null, input, caller.Post, ct);
                return TypedResults.Created($"/api/admin/units/{unit.Id}", unit);
            })
            .WithSummary("Adds a unit: its registered name (unique), kind (which sets its level: property company and courtyard group at the courtyard, community committee at the community, street office at the street, district department at the district) and, for a community committee only, its community. 422 naming the field.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        units.MapPut("/{id:int}", async (int id, UnitInput input, ApiCaller caller, UnitAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveAsync(new UnitId(id), input, caller.Post, ct)))
            .WithSummary("Renames a unit or moves a community committee to another community; its kind stays. 404 for an unknown id, 422 naming the field.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var courtyards = endpoints.MapGroup("/api/admin/courtyards").WithTags("Organisation").RequireAuthorization(Policies.AdministerOrganisation);
        courtyards.MapPost("/{courtyardId:int}/service", async (int courtyardId, CourtyardServiceRequest request, ApiCaller caller,
                UnitAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.ReplaceAsync(new CourtyardId(courtyardId), RequestField.Required(request.UnitId, "unitId"),
                    RequestField.Required(request.From, "from"), caller.Post, ct)))
            .WithSummary("物业更换: from the given day (street time) the unit serves the courtyard in place of the unit of its kind serving it then; new cases there go to it, cases already sent keep their unit. 404 for an unknown courtyard, 422 naming the field for an unknown unit, one that serves no courtyards or already serves this one, or a day on or before a change on record.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var categories = endpoints.MapGroup("/api/admin/categories").WithTags("Organisation").RequireAuthorization(Policies.AdministerOrganisation);
        categories.MapGet("/", (CategoryAdministration administration) => administration.List().Select(CategoryView.Of))
            .WithSummary("Every category, groups and items, retired ones included, with its default level and urgency.");
        categories.MapPut("/{code}", async (string code, CategoryInput input, ApiCaller caller, CategoryAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(CategoryView.Of(await administration.SaveAsync(code, input, caller.Post, ct))))
            .WithSummary("Adds or changes a category: two digits for a group, four for an item of the group its first two name; names in Chinese and English, default level and urgency, active or retired (a retired one is offered for no new report and keeps its old cases; retiring a group retires its items). 422 naming the field.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var places = endpoints.MapGroup("/api/admin/places").WithTags("Organisation").RequireAuthorization(Policies.AdministerOrganisation);
        places.MapPost("/streets", async (StreetRequest request, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveStreetAsync(null, request.Name, request.StreetCode, caller.Post, ct)))
            .WithSummary("Adds a street to the district: its name and case-number code (two to four letters, unique; its cases are numbered CODE-yyyyMMdd-nnnn, its posters CODE0012). 422 naming the field, 409 when the name or code is taken.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPut("/streets/{id:int}", async (int id, StreetRequest request, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveStreetAsync(new StreetId(id), request.Name, request.StreetCode, caller.Post, ct)))
            .WithSummary("Renames a street; its code stays what it was given (422 StreetCodeFixed otherwise). 404 for an unknown id, 422 naming the field, 409 when the name is taken.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPost("/communities", async (CommunityRequest request, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveCommunityAsync(null, request.Name, caller.Post, ct, request.StreetId)))
            .WithSummary("Adds a community to a street (streetId; may be left out while the district has one street). 422 naming the field, 409 when another one under the same place has the name.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPut("/communities/{id:int}", async (int id, CommunityRequest request, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveCommunityAsync(new CommunityId(id), request.Name, caller.Post, ct, request.StreetId)))
            .WithSummary("Renames a community; it stays in its street (its cases are numbered there). 404 for an unknown id, 422 naming the field, 409 when another one under the same place has the name.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPost("/grids", async (GridRequest request, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveGridAsync(null, RequestField.Required(request.CommunityId, "communityId"), request.Name, caller.Post, ct)))
            .WithSummary("Adds a grid to a community. 422 naming the field, 409 when another one under the same place has the name.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPut("/grids/{id:int}", async (int id, GridRequest request, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveGridAsync(new GridId(id), RequestField.Required(request.CommunityId, "communityId"), request.Name, caller.Post, ct)))
            .WithSummary("Changes a grid's name or community. 404 for an unknown id, 422 naming the field, 409 when another one under the same place has the name.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPost("/courtyards", async (CourtyardInput input, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveCourtyardAsync(null, input, caller.Post, ct)))
            .WithSummary("Adds a courtyard to a grid: name, kind, homes, map point, and optionally its outline for the wall's map — 3 to 200 [longitude, latitude] pairs within 0.05° of the map point, closed or not. 422 naming the field.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPut("/courtyards/{id:int}", async (int id, CourtyardInput input, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveCourtyardAsync(new CourtyardId(id), input, caller.Post, ct)))
            .WithSummary("Changes a courtyard's name, grid, kind, homes, map point or outline (null removes it). 404 for an unknown id, 422 naming the field.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPost("/buildings", async (BuildingRequest request, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveBuildingAsync(null, RequestField.Required(request.CourtyardId, "courtyardId"), request.Name, caller.Post, ct)))
            .WithSummary("Adds a building to a courtyard. 422 naming the field, 409 when another one under the same place has the name.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        places.MapPut("/buildings/{id:int}", async (int id, BuildingRequest request, ApiCaller caller, PlaceAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.SaveBuildingAsync(new BuildingId(id), RequestField.Required(request.CourtyardId, "courtyardId"), request.Name, caller.Post, ct)))
            .WithSummary("Renames a building or moves it to another courtyard. 404 for an unknown id, 422 naming the field, 409 when another one under the same place has the name.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }
}

public sealed record CategoryView(string Code, string? ParentCode, string Name, string NameEn, HandlingLevel DefaultLevel, Urgency DefaultUrgency, bool Active)
{
    public static CategoryView Of(Category c) => new(c.Code, c.ParentCode, c.Name, c.NameEn, c.DefaultLevel, c.DefaultUrgency, c.IsActive);
}

public sealed record CourtyardServiceRequest(UnitId? UnitId, DateOnly? From);

public sealed record StreetRequest(string? Name, string? StreetCode);

/// <summary>A community as the administrator writes it; its street is given when it is added.</summary>
public sealed record CommunityRequest(string? Name, StreetId? StreetId);

public sealed record GridRequest(string? Name, CommunityId? CommunityId);

public sealed record BuildingRequest(string? Name, CourtyardId? CourtyardId);
