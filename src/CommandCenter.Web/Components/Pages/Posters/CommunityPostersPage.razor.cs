using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Posters;

/// <summary>Every courtyard poster of a community, one per printed page, for the community office to print at once.</summary>
public sealed partial class CommunityPostersPage
{
    private Community? _community;
    private IReadOnlyList<Courtyard> _courtyards = [];

    [Parameter] public int Id { get; set; }

    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override void OnParametersSet()
    {
        var id = new CommunityId(Id);
        _community = Directory.Community(id);
        _courtyards = [.. Directory.Courtyards.Where(c => c.CommunityId == id).OrderBy(c => c.Id)];
        if (_community is null) Navigation.NotFound();
    }
}
