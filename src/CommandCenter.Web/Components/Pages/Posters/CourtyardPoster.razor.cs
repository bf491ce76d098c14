using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.QrCodes;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Posters;

/// <summary>
/// A courtyard's poster: its name, the QR code that opens its report page, what residents can
/// report and what happens next. The code is inline SVG so it prints sharp at any size.
/// </summary>
public sealed partial class CourtyardPoster
{
    // Enough examples to show what a group means without crowding the sheet.
    private const int ExamplesPerGroup = 3;
    private static readonly int[] Steps = [1, 2, 3];

    private string _code = "";
    private string _url = "";
    private MarkupString _qr;

    [Parameter, EditorRequired] public required Courtyard Courtyard { get; set; }

    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IConfiguration Configuration { get; init; }

    /// <summary>The category groups with a few of their items: the residents' own words for their problems.</summary>
    private IEnumerable<(string Group, string Examples)> Topics =>
        Directory.Categories.Where(c => !c.IsItem && c.IsActive).OrderBy(c => c.Code, StringComparer.Ordinal).Select(group => (
            OrganisationDirectory.Localised(group),
            string.Join(L["Poster.ListSeparator"], Directory.Categories
                .Where(c => c.ParentCode == group.Code && c.IsOffered).OrderBy(c => c.Code, StringComparer.Ordinal)
                .Take(ExamplesPerGroup).Select(OrganisationDirectory.Localised))));

    protected override void OnParametersSet()
    {
        var street = Directory.StreetOf(Courtyard)!;
        _code = CourtyardCode.Of(street, Courtyard);
        _url = CourtyardQrCode.ReportUrl(PublicSite.BaseAddress(Configuration, new Uri(Navigation.BaseUri)), street, Courtyard);
        _qr = new MarkupString(CourtyardQrCode.Svg(_url));
    }

    private string QrPath(string format) => $"/api/courtyards/{Courtyard.Id}/qr.{format}";
}
