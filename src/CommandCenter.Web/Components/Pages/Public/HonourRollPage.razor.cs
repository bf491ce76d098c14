using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Public;

/// <summary>The latest published 红黑榜 for residents, on a phone: each kind's red list and black list as published.</summary>
public sealed partial class HonourRollPage
{
    private PublishedHonourRoll? _roll;

    [Inject] public required HonourRolls Rolls { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    protected override async Task OnInitializedAsync() => _roll = await Rolls.LatestAsync();
}
