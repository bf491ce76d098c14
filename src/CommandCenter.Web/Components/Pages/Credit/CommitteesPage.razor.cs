using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Credit;

/// <summary>
/// 评估定星 on the console: the owners' committees' stars of a year on the five dimensions of seed 003, best first;
/// whoever manages credit rates each courtyard's committee not yet rated that year (once a year, by the domain's rules).
/// </summary>
public sealed partial class CommitteesPage
{
    private int _year;
    private IReadOnlyList<CommitteeRatingView> _ratings = [];
    /// <summary>The stars typed so far for each courtyard whose committee has no rating in the year.</summary>
    private List<(Courtyard Courtyard, Dictionary<CommitteeDimension, int> Draft)> _drafts = [];

    [Inject] public required CreditService Credit { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private bool CanRate => By.Can(Capability.ManageCredit);

    protected override Task OnInitializedAsync()
    {
        _year = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime).Year;
        return ReloadAsync();
    }

    private async Task ChangeYearAsync(int year)
    {
        _year = year;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _ratings = await Credit.CommitteeRatingsAsync(By, _year);
        _drafts = [.. Directory.Courtyards.Where(c => _ratings.All(r => r.CourtyardId != c.Id)).OrderBy(c => c.Id.Value)
            .Select(c => (c, _drafts.FirstOrDefault(d => d.Courtyard.Id == c.Id).Draft ?? new Dictionary<CommitteeDimension, int>()))];
    }

    /// <summary>A cleared field leaves the dimension unrated, which the domain refuses by name on saving.</summary>
    private static void SetStars(Dictionary<CommitteeDimension, int> draft, CommitteeDimension dimension, int? stars)
    {
        if (stars is { } n) draft[dimension] = n;
        else draft.Remove(dimension);
    }

    private Task RateAsync(CourtyardId courtyardId, Dictionary<CommitteeDimension, int> draft) =>
        RunAsync(() => Credit.RateCommitteeAsync(By, new CommitteeRatingInput(courtyardId, _year, draft)), ReloadAsync, "Credit.Saved");
}
