using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components.Controls;

/// <summary>A post as a colleague names it: the role, then the unit, courtyard, grid or community it is made of.</summary>
public static class PostLabels
{
    public static string Of(StaffPost post, OrganisationDirectory directory, IStringLocalizer localizer)
    {
        string?[] places =
        [
            directory.UnitName(post.UnitId),
            post.CourtyardId is { } courtyard ? directory.CourtyardName(courtyard) : null,
            post.GridId is { } grid ? directory.Grid(grid)?.Name : null,
            post.UnitId is null && post.CommunityId is { } community ? directory.CommunityName(community) : null,
        ];
        return string.Join(" · ", [localizer.Enum(post.Role), .. places.OfType<string>()]);
    }
}
