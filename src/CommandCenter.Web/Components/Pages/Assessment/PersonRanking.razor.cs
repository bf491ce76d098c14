using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Assessment;

/// <summary>
/// The assessment page's people (人员): the dispatchers or the grid workers over the chosen period and area, each
/// figure opening the cases behind it, ranked by their kind's scheme (ties share a rank) with the revision that scored them.
/// A district post among several streets may show one street's people, scored as that street's 红黑榜 scores them.
/// </summary>
public sealed partial class PersonRanking
{
    private PersonKind _kind = PersonKind.Dispatcher;
    private PersonKindScores? _scores;
    private StreetId? _street;

    [Parameter] public AssessmentPeriod? Period { get; set; }
    [Parameter] public CommunityId? CommunityId { get; set; }

    [Inject] public required PersonScores Scores { get; init; }
    [Inject] public required HonourRolls Rolls { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    private bool ChoosesStreet => StreetFigures.Chooses(Actor.Post, Directory.Streets.Count);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task ChangeKindAsync(PersonKind kind)
    {
        _kind = kind;
        await LoadAsync();
    }

    private async Task ChangeStreetAsync(StreetId? street)
    {
        _street = street;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Period is not { } period) return;
        _scores = await Scores.OfKindAsync(Rolls.ScorerFor(Actor.Post, _street), period, _kind, CommunityId);
    }

    private string StreetParameter => _street is { } street ? $"&street={street}" : "";

    private string ExportLink(string extension) =>
        $"/api/assessment/persons/scores.{extension}?{AssessmentPage.PeriodParameters(Period!)}&kind={_kind}{StreetParameter}"
        + (CommunityId is { } community ? $"&communityId={community}" : "");

    private string CasesLink(StaffId staffId, PersonAct act) =>
        $"/assessment/cases?{AssessmentPage.PeriodParameters(Period!)}&staffId={staffId}&act={act}{StreetParameter}"
        + (CommunityId is { } community ? $"&communityId={community}" : "");
}
