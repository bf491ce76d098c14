using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Phone.Round;

/// <summary>入户走访: the courtyards of the worker's own grid, building by building, with how many homes were visited this quarter.</summary>
public sealed partial class RoundPage
{
    private RoundView? _view;

    [Inject] public required ArchiveRound Round { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }

    protected override async Task OnInitializedAsync() => _view = await Round.ProgressAsync(Actor.Post.Via(ActSource.Phone));
}
