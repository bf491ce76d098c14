using System.Globalization;
using CommandCenter.Infrastructure.Archive;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Archive;

/// <summary>How much of the archive the round confirmed this quarter: per grid, and per courtyard of each, within the post's scope.</summary>
public sealed partial class RoundProgressPage
{
    private RoundView? _view;

    [Inject] public required ArchiveRound Round { get; init; }

    protected override async Task OnInitializedAsync() => _view = await Round.ProgressAsync(By);

    private static string Share(int visited, int homes) => RoundShare.Of(visited, homes).ToString("P0", CultureInfo.CurrentCulture);
}
