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
    private static readonly string[] Columns = ["Registered", "Due", "Closed", "ClosureRate", "OnTimeRate", "ReworkRate", "SatisfactionRate", "Returned", "Escalations"];

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
            _area = await Queries.AreaAsync(Actor.Post, _period, _communityId);
            _units = await Queries.UnitsAsync(Actor.Post, _period, _unitKind);
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

    private string AreaName(CommunityId? id) => id is { } community ? Directory.CommunityName(community) : Directory.Street.Name;

    /// <summary>The area's tiles: counts, and each rate with its formula on a help line.</summary>
    private static IEnumerable<(string Key, string Value, bool IsRate)> Tiles(IndicatorCounts counts)
    {
        var i = new Indicators(counts);
        return
        [
            ("Registered", $"{counts.Registered}", false),
            ("Due", $"{counts.Due}", false),
            ("Closed", $"{counts.Closed}", false),
            ("ClosureRate", RateText.Of(i.ClosureRate), true),
            ("OnTimeRate", RateText.Of(i.OnTimeRate), true),
            ("UrgentOnTimeRate", RateText.Of(i.UrgentOnTimeRate), true),
            ("ReworkRate", RateText.Of(i.ReworkRate), true),
            ("SatisfactionRate", RateText.Of(i.SatisfactionRate), true),
            ("DefaultSatisfied", $"{counts.DefaultSatisfied}", false),
            ("Deferred", $"{counts.Deferred}", false),
            ("Returned", $"{counts.Returned}", false),
            ("Escalations", $"{counts.Escalations}", false),
            ("OverdueOpen", $"{counts.OverdueOpen}", false),
        ];
    }
}
