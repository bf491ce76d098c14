using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Assessment;

/// <summary>
/// The monthly assessment report to print (A4, Chinese by default): the street and its communities, where
/// cases were resolved, every kind of unit that had work, and the dispatchers and grid workers who acted, ranked by their
/// kind's scheme — the same figures as the page and the exports.
/// </summary>
public sealed partial class AssessmentReport
{
    /// <summary>The columns that fit an A4 page across; the exports carry them all.</summary>
    private static readonly IReadOnlyList<AssessmentColumn> Columns =
    [
        .. AssessmentColumns.All.Where(c => c.Key is "Registered" or "Due" or "Closed" or "ClosureRate" or "OnTimeRate" or "ReworkRate"
            or "ReturnRate" or "SatisfactionRate" or "ResponseRate" or "ResolutionRate" or "AverageSignFor" or "AverageHandling" or "OverdueOpen"),
    ];

    private AssessmentPeriod? _period;
    private DateTime _generatedAtUtc;
    private bool _defaultSatisfiedCounts;
    private IReadOnlyList<(string Name, Indicators Indicators)> _areas = [];
    private ResolvedAtLevel _levels = new([]);
    private IReadOnlyList<IGrouping<UnitKind, UnitIndicatorCounts>> _units = [];
    private List<PersonKindScores> _persons = [];
    private string? _refusal;

    [SupplyParameterFromQuery] public int? Year { get; set; }
    [SupplyParameterFromQuery] public int? Month { get; set; }

    [Inject] public required AssessmentQueries Queries { get; init; }
    [Inject] public required PersonScores PersonScores { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private string Title => _period is null ? L["Assessment.Report"]
        : string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Assessment.Report.Title"], Directory.AreaName(Actor.Post.StreetId), _period.FirstDay.Year, _period.FirstDay.Month);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _generatedAtUtc = Clock.GetUtcNow().UtcDateTime;
            var today = ChinaTime.LocalDate(_generatedAtUtc);
            _period = new AssessmentEndpoints.PeriodQuery("month", Year ?? today.Year, Month ?? today.Month, null, null, null, null).ToPeriod();
            _defaultSatisfiedCounts = await Queries.DefaultSatisfiedCountsAsync(Actor.Post.StreetId);
            _areas = await AssessmentEndpoints.AreaRowsAsync(Actor.Post, _period, Queries, Directory, CancellationToken.None);
            _levels = await Queries.ResolvedAtLevelAsync(Actor.Post, _period, null);
            _units = [.. (await Queries.UnitsAsync(Actor.Post, _period, kind: null))
                .Where(u => u.Counts.Registered > 0 || u.Counts.Due > 0)
                .GroupBy(u => u.Kind)
                .OrderBy(g => g.Key)];
            _persons = [];
            foreach (var kind in Enum.GetValues<PersonKind>())
            {
                var scores = await PersonScores.OfKindAsync(Actor.Post, _period, kind);
                if (scores.Rows.Count > 0) _persons.Add(scores);
            }
            _refusal = null;
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _refusal = message;
        }
    }
}
