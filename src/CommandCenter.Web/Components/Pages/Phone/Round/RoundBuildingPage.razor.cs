using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Phone.Round;

/// <summary>The homes of one building on the round, door by door, those visited this quarter ticked. Building 0: homes recorded without one.</summary>
public sealed partial class RoundBuildingPage
{
    private RoundBuildingView? _view;
    private bool _notFound;

    [Parameter] public int CourtyardId { get; set; }
    [Parameter] public int BuildingId { get; set; }
    [Inject] public required ArchiveRound Round { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _view = await Round.BuildingAsync(Actor.Post.Via(ActSource.Phone), new CourtyardId(CourtyardId), BuildingId == 0 ? null : new BuildingId(BuildingId));
            _notFound = false;
        }
        catch (RecordNotFoundException)
        {
            (_view, _notFound) = (null, true);
        }
    }
}
