using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;

using CommandCenter.Web.Access;

namespace CommandCenter.Web.Api;

/// <summary>The street's reference data, for forms of external systems and the phone pages.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder endpoints)
    {
        var reference = endpoints.MapGroup("/api/reference").WithTags("Reference data").RequireAuthorization(Policies.ViewWall);
        reference.MapGet("/categories", (OrganisationDirectory d) =>
            d.Categories.Select(c => new { c.Code, c.ParentCode, c.Name, c.NameEn, c.DefaultLevel }));
        reference.MapGet("/communities", (OrganisationDirectory d) => d.Communities.Select(c => new { c.Id, c.Name }));
        reference.MapGet("/courtyards", (OrganisationDirectory d) =>
            d.Courtyards.Select(c => new { c.Id, c.Name, c.CommunityId, c.Kind, c.Homes, c.Latitude, c.Longitude }));
        reference.MapGet("/courtyards/{id:int}/buildings", (CourtyardId id, OrganisationDirectory d) =>
            d.BuildingsOf(id).Select(b => new { b.Id, b.Name }));
        reference.MapGet("/units", (HandlingLevel? level, CourtyardId? courtyardId, OrganisationDirectory d) =>
            (level is { } l && courtyardId is { } c ? d.UnitsServing(l, c) : d.Units.Where(u => level is null || u.Level == level))
                .Select(u => new { u.Id, u.Name, u.Kind, u.Level, u.CommunityId }));
        return endpoints;
    }
}
