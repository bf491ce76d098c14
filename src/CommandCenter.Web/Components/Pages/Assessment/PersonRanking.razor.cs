using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Assessment;

/// <summary>
/// The assessment page's people (人员): the dispatchers or the grid workers over the chosen period and area, each
/// figure opening the cases behind it, ranked by their kind's scheme (ties share a rank) with the revision that scored them.
/// </summary>
public sealed partial class PersonRanking
{
    private PersonKind _kind = PersonKind.Dispatcher;
    private PersonKindScores? _scores;

    [Parameter] public AssessmentPeriod? Period { get; set; }
    [Parameter] public CommunityId? CommunityId { get; set; }

    [Inject] public required PersonScores Scores { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task ChangeKindAsync(PersonKind kind)
    {
        _kind = kind;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Period is not { } period) return;
        _scores = await Scores.OfKindAsync(Actor.Post, period, _kind, CommunityId);
    }

    private string ExportLink(string extension) =>
        $"/api/assessment/persons/scores.{extension}?{AssessmentPage.PeriodParameters(Period!)}&kind={_kind}"
        + (CommunityId is { } community ? $"&communityId={community}" : "");

    private string CasesLink(StaffId staffId, PersonAct act) =>
        $"/assessment/cases?{AssessmentPage.PeriodParameters(Period!)}&staffId={staffId}&act={act}"
        + (CommunityId is { } community ? $"&communityId={community}" : "");
}
