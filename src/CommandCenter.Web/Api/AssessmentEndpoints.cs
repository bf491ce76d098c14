using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Access;

namespace CommandCenter.Web.Api;

/// <summary>一网评效: counts and rates by the standard formulas (docs/decisions/0006), per period and scope.</summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder endpoints)
    {
        var assessment = endpoints.MapGroup("/api/assessment").WithTags("Assessment").RequireAuthorization(Policies.ViewAssessment);
        assessment.MapGet("/area", async ([AsParameters] PeriodQuery query, CommunityId? communityId, ApiCaller caller, AssessmentQueries queries, CancellationToken ct) =>
            {
                var period = query.ToPeriod();
                return new AreaAssessment(PeriodView.Of(period), communityId, IndicatorsView.Of(await queries.AreaAsync(caller.Post, period, communityId, ct)));
            })
            .WithSummary("The street's indicators, or one community's (by the case's place), for a period: " +
                "period=day|week|month|quarter|year|custom with year, month, quarter, date (day, week) or from and to (custom, China days).");
        assessment.MapGet("/units", async ([AsParameters] PeriodQuery query, UnitKind? kind, ApiCaller caller, AssessmentQueries queries, CancellationToken ct) =>
            {
                var period = query.ToPeriod();
                var rows = await queries.UnitsAsync(caller.Post, period, kind is { } k ? KnownValue.Of(k, "kind") : null, ct);
                return new UnitsAssessment(PeriodView.Of(period), kind,
                    [.. rows.Select(r => new UnitAssessment(r.UnitId, r.Name, r.Kind, IndicatorsView.Of(r.Counts)))]);
            })
            .WithSummary("One row per unit (of a kind, or all) with its indicators for a period, from its handling rounds.");
        return endpoints;
    }

    /// <summary>The period as a query string says it; anything missing or out of the calendar is a 422 naming the field.</summary>
    public sealed record PeriodQuery(string? Period, int? Year, int? Month, int? Quarter, DateOnly? Date, DateOnly? From, DateOnly? To)
    {
        public AssessmentPeriod ToPeriod() => Kind() switch
        {
            PeriodKind.Day => AssessmentPeriod.Day(RequestField.Required(Date, "date")),
            PeriodKind.Week => AssessmentPeriod.Week(RequestField.Required(Date, "date")),
            PeriodKind.Month => AssessmentPeriod.Month(RequestField.Required(Year, "year"), RequestField.Required(Month, "month")),
            PeriodKind.Quarter => AssessmentPeriod.Quarter(RequestField.Required(Year, "year"), RequestField.Required(Quarter, "quarter")),
            PeriodKind.Year => AssessmentPeriod.Year(RequestField.Required(Year, "year")),
            _ => AssessmentPeriod.Custom(RequestField.Required(From, "from"), RequestField.Required(To, "to")),
        };

        private PeriodKind Kind() =>
            string.IsNullOrEmpty(Period) ? throw new DomainValidationException("Required", "period is required.", "period")
            : Enum.TryParse<PeriodKind>(Period, ignoreCase: true, out var kind) && !char.IsDigit(Period[0]) ? kind
            : throw new DomainValidationException("UnknownValue", $"{Period} is not a kind of period.", "period");
    }

    public sealed record PeriodView(PeriodKind Kind, DateOnly FirstDay, DateOnly LastDay, DateTime FromUtc, DateTime ToUtc)
    {
        public static PeriodView Of(AssessmentPeriod p) => new(p.Kind, p.FirstDay, p.LastDay, p.FromUtc, p.ToUtc);
    }

    /// <summary>A rate as its fraction and its percentage rounded to two decimals; absent (null) when nothing divides.</summary>
    public sealed record RateView(int Numerator, int Denominator, decimal Percent)
    {
        public static RateView? Of(Rate? rate) => rate is { } r ? new(r.Numerator, r.Denominator, r.Percent) : null;
    }

    public sealed record RatesView(RateView? Closure, RateView? OnTime, RateView? UrgentOnTime, RateView? Rework, RateView? Satisfaction, RateView? Return);

    public sealed record IndicatorsView(IndicatorCounts Counts, RatesView Rates)
    {
        public static IndicatorsView Of(IndicatorCounts counts)
        {
            var i = new Indicators(counts);
            return new(counts, new(RateView.Of(i.ClosureRate), RateView.Of(i.OnTimeRate), RateView.Of(i.UrgentOnTimeRate),
                RateView.Of(i.ReworkRate), RateView.Of(i.SatisfactionRate), RateView.Of(i.ReturnRate)));
        }
    }

    public sealed record AreaAssessment(PeriodView Period, CommunityId? CommunityId, IndicatorsView Indicators);

    public sealed record UnitAssessment(UnitId UnitId, string Name, UnitKind Kind, IndicatorsView Indicators);

    public sealed record UnitsAssessment(PeriodView Period, UnitKind? Kind, IReadOnlyList<UnitAssessment> Units);
}
