using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Assessment;

/// <summary>
/// The assessment page's scores: the chosen kind's units over the chosen period ranked by 综合指标值 (ties
/// share a rank), with the scheme revision that scored them; for a month, a street leader publishes their street's 红黑榜 here
/// (a district post chooses the street, and the table then shows that street's scores).
/// </summary>
public sealed partial class ScoreRanking
{
    private KindScores? _scores;
    private string? _refusal;
    private string? _published;
    private StreetId? _street;

    [Parameter] public AssessmentPeriod? Period { get; set; }
    [Parameter] public UnitKind Kind { get; set; }

    [Inject] public required UnitScores Scores { get; init; }
    [Inject] public required HonourRolls Rolls { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    /// <summary>A district post among several streets names the street it publishes for; a street's post publishes its own.</summary>
    private bool ChoosesStreet => Actor.Post.StreetId is null && Directory.Streets.Count > 1;

    protected override async Task OnParametersSetAsync()
    {
        _published = null;
        if (Period is not { } period) return;
        _scores = await Scores.OfKindAsync(Rolls.ScorerFor(Actor.Post, _street), period, Kind);
    }

    /// <summary>The street chosen for the roll is the street whose scores are shown, so the table is the roll it publishes.</summary>
    private async Task StreetChosenAsync(StreetId? street)
    {
        _street = street;
        await OnParametersSetAsync();
    }

    private async Task PublishAsync()
    {
        if (Period is not { } period) return;
        try
        {
            var roll = await Rolls.PublishAsync(Actor.Post, _street, period.FirstDay.Year, period.FirstDay.Month);
            (_published, _refusal) = (L["HonourRoll.Published", roll.Publication.Year, roll.Publication.Month], null);
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            (_published, _refusal) = (null, message);
        }
    }
}
