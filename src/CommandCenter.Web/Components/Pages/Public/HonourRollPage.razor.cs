using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Public;

/// <summary>
/// A street's latest published 红黑榜 for residents, on a phone: each kind's red list and black list as published.
/// Each street publishes its own (docs/decisions/0017); with several streets the resident chooses one.
/// </summary>
public sealed partial class HonourRollPage
{
    private PublishedHonourRoll? _roll;
    private Street? _street;

    [Inject] public required HonourRolls Rolls { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    /// <summary>The street asked for (<c>?street=ID</c>); with one street it may be left out.</summary>
    [SupplyParameterFromQuery(Name = "street")] public int? StreetQuery { get; set; }

    private IEnumerable<Street> Streets => Directory.Streets.OrderBy(s => s.Id);

    protected override async Task OnParametersSetAsync()
    {
        // An unknown street is simply not chosen: the chooser is shown, never an error page.
        _street = StreetQuery is { } asked ? Directory.Street(new StreetId(asked))
            : Directory.Streets.Count == 1 ? Directory.Streets.First() : null;
        _roll = _street is { } street ? await Rolls.LatestAsync(street.Id) : null;
    }
}
