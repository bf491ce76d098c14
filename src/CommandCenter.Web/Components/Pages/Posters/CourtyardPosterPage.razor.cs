using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Posters;

/// <summary>One courtyard's poster, to print when a poster is lost or a courtyard is added.</summary>
public sealed partial class CourtyardPosterPage
{
    private Courtyard? _courtyard;

    [Parameter] public int Id { get; set; }

    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override void OnParametersSet()
    {
        _courtyard = Directory.Courtyard(new CourtyardId(Id));
        if (_courtyard is null) Navigation.NotFound();
    }
}
