using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Assessment;

/// <summary>
/// The cases behind one figure of the assessment page (drill-down): the same period, scope and
/// indicator as the API's <c>/api/assessment/cases</c>, listed by the predicate the count uses; or, with
/// <c>staffId</c> and <c>act</c>, the cases behind a person's figure (<c>/api/assessment/persons/{id}/cases</c>).
/// </summary>
public sealed partial class AssessmentCasesPage
{
    private const int PageSize = 50;

    private AssessmentPeriod? _period;
    private AssessmentCasePage? _page;
    private Indicator _indicator;
    private PersonAct? _act;
    private string? _refusal;

    [SupplyParameterFromQuery(Name = "period")] public string? PeriodKind { get; set; }
    [SupplyParameterFromQuery] public int? Year { get; set; }
    [SupplyParameterFromQuery] public int? Month { get; set; }
    [SupplyParameterFromQuery] public int? Quarter { get; set; }
    [SupplyParameterFromQuery] public DateOnly? Date { get; set; }
    [SupplyParameterFromQuery] public DateOnly? From { get; set; }
    [SupplyParameterFromQuery] public DateOnly? To { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] public string? IndicatorName { get; set; }
    [SupplyParameterFromQuery] public int? UnitId { get; set; }
    [SupplyParameterFromQuery] public int? CommunityId { get; set; }
    [SupplyParameterFromQuery] public int? StaffId { get; set; }
    /// <summary>With <see cref="StaffId"/>: the street whose figures the person's row was (one street's people).</summary>
    [SupplyParameterFromQuery] public int? Street { get; set; }
    [SupplyParameterFromQuery(Name = "act")] public string? ActName { get; set; }
    [SupplyParameterFromQuery] public int Page { get; set; } = 1;

    [Inject] public required AssessmentQueries Queries { get; init; }
    [Inject] public required HonourRolls Rolls { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }

    private string ScopeName =>
        StaffId is { } staff ? Directory.StaffMember(new Domain.Organisation.StaffId(staff))?.Name ?? $"#{staff}"
        : UnitId is { } unit ? Directory.UnitName(new Domain.Organisation.UnitId(unit)) ?? ""
        : CommunityId is { } community ? Directory.CommunityName(new Domain.Organisation.CommunityId(community))
        : Directory.AreaName(Actor.Post.StreetId);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task PageChangedAsync(int page)
    {
        Page = page;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _period = new AssessmentEndpoints.PeriodQuery(PeriodKind, Year, Month, Quarter, Date, From, To).ToPeriod();
            var community = CommunityId is { } c ? new Domain.Organisation.CommunityId(c) : (Domain.Organisation.CommunityId?)null;
            var skip = (Math.Max(Page, 1) - 1) * PageSize;
            if (StaffId is { } staff)
            {
                _act = KnownValue.Named<PersonAct>(ActName, "act");
                var scorer = Rolls.ScorerFor(Actor.Post, Street is { } street ? new Domain.Organisation.StreetId(street) : null);
                _page = await Queries.PersonCasesAsync(scorer, _period, community, new Domain.Organisation.StaffId(staff), _act.Value, skip, PageSize);
            }
            else
            {
                _act = null;
                _indicator = KnownValue.Named<Indicator>(IndicatorName, "indicator");
                var scope = new AssessmentScope(community, UnitId is { } u ? new Domain.Organisation.UnitId(u) : null);
                _page = await Queries.CasesAsync(Actor.Post, _period, scope, _indicator, skip, PageSize);
            }
            _refusal = null;
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _refusal = message;
        }
    }
}
