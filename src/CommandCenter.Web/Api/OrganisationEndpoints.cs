using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;

namespace CommandCenter.Web.Api;

/// <summary>An administrator's API for the street's organisation: units and which courtyards they serve from which day.</summary>
public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder endpoints)
    {
        var units = endpoints.MapGroup("/api/admin/units").WithTags("Organisation").RequireAuthorization(Policies.AdministerOrganisation);
        units.MapGet("/", (UnitAdministration administration) => administration.List())
            .WithSummary("Every unit with the courtyards it serves today and its service periods on record, ended ones included.");

        var courtyards = endpoints.MapGroup("/api/admin/courtyards").WithTags("Organisation").RequireAuthorization(Policies.AdministerOrganisation);
        courtyards.MapPost("/{courtyardId:int}/service", async (int courtyardId, CourtyardServiceRequest request, ApiCaller caller,
                UnitAdministration administration, CancellationToken ct) =>
                TypedResults.Ok(await administration.ReplaceAsync(new CourtyardId(courtyardId), RequestField.Required(request.UnitId, "unitId"),
                    RequestField.Required(request.From, "from"), caller.Post, ct)))
            .WithSummary("物业更换: from the given day (street time) the unit serves the courtyard in place of the unit of its kind serving it then; new cases there go to it, cases already sent keep their unit. 404 for an unknown courtyard, 422 naming the field for an unknown unit, one that serves no courtyards or already serves this one, or a day on or before a change on record.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }
}

public sealed record CourtyardServiceRequest(UnitId? UnitId, DateOnly? From);
