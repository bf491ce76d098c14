using System.Globalization;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Archive;

/// <summary>一本账: one courtyard's archive as the signed-in post may see it; outside its scope the courtyard is not found.</summary>
public sealed partial class CourtyardArchivePage
{
    private CourtyardArchiveView? _view;
    private bool _notFound;
    // One building's homes at a time, read when opened: a courtyard may hold 25,000.
    private RoundBuildingView? _open;

    [Parameter] public int Id { get; set; }
    [Inject] public required ArchiveQueries Archive { get; init; }
    [Inject] public required ArchiveRound Round { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _view = await Archive.CourtyardAsync(By, new CourtyardId(Id));
            (_open, _notFound) = (null, false);
        }
        catch (RecordNotFoundException)
        {
            (_view, _notFound) = (null, true);
        }
    }

    private async Task ToggleAsync(BuildingId buildingId) =>
        _open = _open?.BuildingId == buildingId ? null : await Round.BuildingAsync(By, new CourtyardId(Id), buildingId);

    private IEnumerable<(string Label, string Value, string Key)> Figures(CourtyardArchiveView view) =>
    [
        (L["Archive.Homes"], N(view.Homes), "homes"),
        (L["Archive.Area"], view.ExclusiveArea.ToString("N0", CultureInfo.CurrentCulture) + " m²", "area"),
        (L["Archive.OwnerHeadCount"], N(view.OwnerHeadCount), "owners"),
        (L["Archive.Residents"], N(view.Residents), "residents"),
        (L["Archive.VisitedThisQuarter", view.Quarter.Year, view.Quarter.Number], $"{N(view.VisitedThisQuarter)} · {view.VisitedShare:P0}", "visited"),
        (L["Archive.CasesOpen"], N(view.Cases.Open), "open-cases"),
        (L["Archive.Cases30"], N(view.Cases.Last30Days), "cases-30"),
    ];

    /// <summary>The bodies the signed-in post may see; the party group only by those who see residents' tags.</summary>
    private IEnumerable<CourtyardBody> Bodies => Enum.GetValues<CourtyardBody>().Where(b => CourtyardListRights.Sees(By, b));

    private string Confirmed(ArchiveSource source, DateTime atUtc) => ArchiveText.Confirmed(L, source, atUtc);

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
