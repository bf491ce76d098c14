using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Assessment;

/// <summary>
/// 一网评效 on the console: a period, the area's figures as tiles with their formulas, and one row
/// per unit of a kind — every rate by <see cref="Indicators"/>, the same as the API and the wall.
/// </summary>
public sealed partial class AssessmentPage
{
    private PeriodKind _kind = PeriodKind.Month;
    private int _year;
    private int _month;
    private int _quarter;
    private DateTime? _day;
    private DateTime? _from;
    private DateTime? _to;
    private CommunityId? _communityId;
    private UnitKind _unitKind = UnitKind.PropertyCompany;
    private AssessmentPeriod? _period;
    private IndicatorCounts? _area;
    private IReadOnlyList<UnitIndicatorCounts> _units = [];
    private ResolvedAtLevel _levels = new([]);
    private bool _defaultSatisfiedCounts;
    private string? _refusal;

    [Inject] public required AssessmentQueries Queries { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override async Task OnInitializedAsync()
    {
        var today = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime);
        (_year, _month, _quarter) = (today.Year, today.Month, (today.Month + 2) / 3);
        _day = _to = today.ToDateTime(TimeOnly.MinValue);
        _from = today.AddDays(-29).ToDateTime(TimeOnly.MinValue);
        await LoadAsync();
    }

    private async Task ChangeAsync(Action change)
    {
        change();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _period = Period();
            _defaultSatisfiedCounts = await Queries.DefaultSatisfiedCountsAsync(Actor.Post.StreetId, community: _communityId);
            _area = await Queries.AreaAsync(Actor.Post, _period, _communityId);
            _units = await Queries.UnitsAsync(Actor.Post, _period, _unitKind);
            _levels = await Queries.ResolvedAtLevelAsync(Actor.Post, _period, _communityId);
            _refusal = null;
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _refusal = message;
        }
    }

    private AssessmentPeriod Period() => _kind switch
    {
        PeriodKind.Day => AssessmentPeriod.Day(Date(_day, "day")),
        PeriodKind.Week => AssessmentPeriod.Week(Date(_day, "day")),
        PeriodKind.Month => AssessmentPeriod.Month(_year, _month),
        PeriodKind.Quarter => AssessmentPeriod.Quarter(_year, _quarter),
        PeriodKind.Year => AssessmentPeriod.Year(_year),
        _ => AssessmentPeriod.Custom(Date(_from, "from"), Date(_to, "to")),
    };

    private static DateOnly Date(DateTime? picked, string field) =>
        picked is { } date ? DateOnly.FromDateTime(date) : throw new DomainValidationException("Required", $"{field} is required.", field);

    private string AreaName(CommunityId? id) => id is { } community ? Directory.CommunityName(community) : Directory.AreaName(Actor.Post.StreetId);

    /// <summary>The area's tiles: counts (each opens the cases behind it), each rate with its formula on a help line, the average times.</summary>
    private IEnumerable<(string Key, string Value, bool IsRate, Indicator? Drill)> Tiles(IndicatorCounts counts)
    {
        var i = new Indicators(counts, _defaultSatisfiedCounts);
        (string, string, bool, Indicator?) Count(Indicator indicator) => (indicator.ToString(), $"{counts.Of(indicator)}", false, indicator);
        (string, string, bool, Indicator?) Rated(string key, Rate? rate) => (key, RateText.Of(rate), true, null);
        return
        [
            Count(Indicator.Registered), Count(Indicator.Due), Count(Indicator.Closed),
            Rated("ClosureRate", i.ClosureRate), Rated("OnTimeRate", i.OnTimeRate), Rated("UrgentOnTimeRate", i.UrgentOnTimeRate),
            Rated("ReworkRate", i.ReworkRate), Rated("SatisfactionRate", i.SatisfactionRate), Count(Indicator.DefaultSatisfied),
            Rated("ResponseRate", i.ResponseRate), Rated("ResolutionRate", i.ResolutionRate),
            ("AverageSignFor", AssessmentColumns.Text(i.AverageSignForTime), false, null),
            ("AverageHandling", AssessmentColumns.Text(i.AverageHandlingTime), false, null),
            Count(Indicator.Deferred), Count(Indicator.Returned), Count(Indicator.Escalations), Count(Indicator.OverdueOpen),
        ];
    }

    /// <summary>The period as a query string: any period is a custom range of its days, which every link and export takes.</summary>
    internal static string PeriodParameters(AssessmentPeriod period) =>
        $"period=custom&from={period.FirstDay:yyyy-MM-dd}&to={period.LastDay:yyyy-MM-dd}";

    private string CasesLink(Indicator indicator, UnitId? unitId) =>
        $"/assessment/cases?{PeriodParameters(_period!)}&indicator={indicator}"
        + (unitId is { } unit ? $"&unitId={unit}" : _communityId is { } community ? $"&communityId={community}" : "");

    private string ExportLink(string table, string extension) =>
        $"/api/assessment/{table}.{extension}?{PeriodParameters(_period!)}" + (table == "units" ? $"&kind={_unitKind}" : "");

    private string ReportLink => $"/assessment/report?year={_period!.FirstDay.Year}&month={_period.FirstDay.Month}";
}
