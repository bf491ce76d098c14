using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api.Exports;
using CommandCenter.Web.Components.Pages.Assessment;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.Localization;

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
                var counts = await queries.AreaAsync(caller.Post, period, communityId, ct);
                return new AreaAssessment(PeriodView.Of(period), communityId, IndicatorsView.Of(counts, await queries.DefaultSatisfiedCountsAsync(caller.Post.StreetId, ct, communityId)));
            })
            .WithSummary("The street's indicators, or one community's (by the case's place), for a period: " +
                "period=day|week|month|quarter|year|custom with year, month, quarter, date (day, week) or from and to (custom, China days).");
        assessment.MapGet("/units", async ([AsParameters] PeriodQuery query, UnitKind? kind, ApiCaller caller, AssessmentQueries queries, CancellationToken ct) =>
            {
                var period = query.ToPeriod();
                var rows = await queries.UnitsAsync(caller.Post, period, kind is { } k ? KnownValue.Of(k, "kind") : null, ct);
                var defaultSatisfiedCounts = await queries.DefaultSatisfiedCountsAsync(caller.Post.StreetId, ct);
                return new UnitsAssessment(PeriodView.Of(period), kind,
                    [.. rows.Select(r => new UnitAssessment(r.UnitId, r.Name, r.Kind, IndicatorsView.Of(r.Counts, defaultSatisfiedCounts)))]);
            })
            .WithSummary("One row per unit (of a kind, or all) with its indicators for a period, from its handling rounds.");
        assessment.MapGet("/persons", async ([AsParameters] PeriodQuery query, CommunityId? communityId, ApiCaller caller, AssessmentQueries queries, CancellationToken ct) =>
                await queries.PersonsAsync(caller.Post, query.ToPeriod(), communityId, ct))
            .WithSummary("Per staff member, what they did in the period: accepted, dispatched (on time, returned by the unit, 改派) — dispatchers; " +
                "signed, reported done and returned — handlers; reported (rejected as invalid), verified (on time) — grid workers.");
        assessment.MapGet("/levels", async ([AsParameters] PeriodQuery query, CommunityId? communityId, ApiCaller caller, AssessmentQueries queries, CancellationToken ct) =>
                LevelsView.Of(await queries.ResolvedAtLevelAsync(caller.Post, query.ToPeriod(), communityId, ct)))
            .WithSummary("Of the cases closed in the period, the share resolved at courtyard, community, street and district; " +
                "the cases a category sends straight to street or district are shown apart and left out of the shares.");
        assessment.MapGet("/cases", async ([AsParameters] PeriodQuery query, Indicator? indicator, CommunityId? communityId, UnitId? unitId, int? page, int? pageSize,
                ApiCaller caller, AssessmentQueries queries, CancellationToken ct) =>
            {
                var size = Math.Clamp(pageSize ?? 50, 1, 500);
                var number = Math.Max(page ?? 1, 1);
                var which = KnownValue.Of(RequestField.Required(indicator, "indicator"), "indicator");
                return await queries.CasesAsync(caller.Post, query.ToPeriod(), new AssessmentScope(communityId, unitId), which, (number - 1) * size, size, ct);
            })
            .WithSummary("The cases behind one count of the area (communityId) or of a unit (unitId), paged (page from 1, pageSize ≤ 500): " +
                "the same predicate as the count, so total equals the figure.");
        assessment.MapGet("/persons/{staffId:int}/cases", async ([AsParameters] PeriodQuery query, StaffId staffId, PersonAct? act, CommunityId? communityId,
                StreetId? street, int? page, int? pageSize, ApiCaller caller, AssessmentQueries queries, HonourRolls rolls, CancellationToken ct) =>
            {
                var size = Math.Clamp(pageSize ?? 50, 1, 500);
                var number = Math.Max(page ?? 1, 1);
                var which = KnownValue.Of(RequestField.Required(act, "act"), "act");
                return await queries.PersonCasesAsync(rolls.ScorerFor(caller.Post, street), query.ToPeriod(), communityId, staffId, which, (number - 1) * size, size, ct);
            })
            .WithSummary("The cases behind one figure of a person in GET /api/assessment/persons (act: Accepted, Dispatched, Signed, ReportedDone, " +
                "Returned, DispatchedOnTime, DispatchReturned, Reassigned, Reported, ReportRejected, Verified, VerifiedOnTime), one line per act, paged: " +
                "total equals the figure; street as in GET /api/assessment/persons/scores.");
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var extension = format.ToString().ToLowerInvariant();
            assessment.MapGet($"/units.{extension}", async ([AsParameters] PeriodQuery query, UnitKind? kind, ApiCaller caller, AssessmentQueries queries,
                    IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                {
                    var period = query.ToPeriod();
                    var rows = await queries.UnitsAsync(caller.Post, period, kind is { } k ? KnownValue.Of(k, "kind") : null, ct);
                    var defaultSatisfiedCounts = await queries.DefaultSatisfiedCountsAsync(caller.Post.StreetId, ct);
                    return AssessmentColumns.Table(text, text["Assessment.Unit"], rows.Select(r => (r.Name, new Indicators(r.Counts, defaultSatisfiedCounts))))
                        .ToResult(format, $"units-{FileName(period)}");
                })
                .WithSummary($"The unit table of GET /api/assessment/units as {format}: the same rows, rates in percent, times in working minutes.");
            assessment.MapGet($"/persons/scores.{extension}", async ([AsParameters] PeriodQuery query, PersonKind? kind, CommunityId? communityId, StreetId? street,
                    ApiCaller caller, PersonScores scores, HonourRolls rolls, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                {
                    var period = query.ToPeriod();
                    var which = KnownValue.Of(RequestField.Required(kind, "kind"), "kind");
                    return PersonColumns.Table(text, await scores.OfKindAsync(rolls.ScorerFor(caller.Post, street), period, which, communityId, ct))
                        .ToResult(format, $"{which.ToString().ToLowerInvariant()}s-{FileName(period)}");
                })
                .WithSummary($"The people table of GET /api/assessment/persons/scores as {format}: the same rows and order (street as there), rates in percent, times in working minutes.");
            assessment.MapGet($"/areas.{extension}", async ([AsParameters] PeriodQuery query, ApiCaller caller, AssessmentQueries queries, OrganisationDirectory directory,
                    IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                {
                    var period = query.ToPeriod();
                    var rows = await AreaRowsAsync(caller.Post, period, queries, directory, ct);
                    return AssessmentColumns.Table(text, text["Assessment.Area"], rows).ToResult(format, $"areas-{FileName(period)}");
                })
                .WithSummary($"The street and each community (by the case's place) with their indicators, as {format}.");
        }
        assessment.MapGet("/settings", async (ApiCaller caller, AssessmentQueries queries, CancellationToken ct) =>
                new SettingsView(await queries.DefaultSatisfiedCountsAsync(caller.Post.StreetId, ct)))
            .WithSummary("The caller's street's assessment settings (for the district: what every street agrees on): whether 默认满意 counts as satisfied in 满意率.");
        endpoints.MapPut("/api/assessment/settings", async (SettingsView input, ApiCaller caller, AssessmentSettings settings, CancellationToken ct) =>
            {
                await settings.SetDefaultSatisfiedCountsAsync(caller.Post, input.DefaultSatisfiedCounts, ct);
                return input;
            })
            .WithTags("Assessment").RequireAuthorization(Policies.AdministerPolicies)
            .WithSummary("Sets whether 默认满意 counts as satisfied in 满意率 for the caller's street, or every street for a district administrator (audited).");
        return endpoints;
    }

    /// <summary>A row per street the caller covers, then one per community it may see (a community post: its own).</summary>
    public static async Task<IReadOnlyList<(string Name, Indicators Indicators)>> AreaRowsAsync(
        Post post, AssessmentPeriod period, AssessmentQueries queries, OrganisationDirectory directory, CancellationToken ct)
    {
        var rows = new List<(string, Indicators)>();
        var streets = directory.Streets.Where(s => post.StreetId is null || s.Id == post.StreetId).OrderBy(s => s.Id).ToList();
        // A district-level post's street rows each narrow its scope to that street.
        if (post.CommunityId is null)
            foreach (var street in streets)
                rows.Add((street.Name, new Indicators(await queries.AreaAsync(post with { StreetId = street.Id }, period, null, ct),
                    await queries.DefaultSatisfiedCountsAsync(street.Id, ct))));
        foreach (var community in directory.Communities
            .Where(c => post.CommunityId is null ? streets.Any(s => s.Id == c.StreetId) : c.Id == post.CommunityId).OrderBy(c => c.Id))
            rows.Add((community.Name, new Indicators(await queries.AreaAsync(post, period, community.Id, ct),
                await queries.DefaultSatisfiedCountsAsync(community.StreetId, ct))));
        return rows;
    }

    private static string FileName(AssessmentPeriod period) =>
        period.FirstDay == period.LastDay ? $"{period.FirstDay:yyyyMMdd}" : $"{period.FirstDay:yyyyMMdd}-{period.LastDay:yyyyMMdd}";

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

    public sealed record RatesView(
        RateView? Closure, RateView? OnTime, RateView? UrgentOnTime, RateView? Rework, RateView? Satisfaction, RateView? Return,
        RateView? Response, RateView? Resolution);

    /// <summary>The counts, the rates, and the average sign-for and handling times in working minutes (null when nothing was signed or done).</summary>
    public sealed record IndicatorsView(IndicatorCounts Counts, RatesView Rates, double? AverageSignForMinutes, double? AverageHandlingMinutes, bool DefaultSatisfiedCounts)
    {
        public static IndicatorsView Of(IndicatorCounts counts, bool defaultSatisfiedCounts)
        {
            var i = new Indicators(counts, defaultSatisfiedCounts);
            return new(counts,
                new(RateView.Of(i.ClosureRate), RateView.Of(i.OnTimeRate), RateView.Of(i.UrgentOnTimeRate), RateView.Of(i.ReworkRate),
                    RateView.Of(i.SatisfactionRate), RateView.Of(i.ReturnRate), RateView.Of(i.ResponseRate), RateView.Of(i.ResolutionRate)),
                Minutes(i.AverageSignForTime), Minutes(i.AverageHandlingTime), defaultSatisfiedCounts);
        }

        private static double? Minutes(TimeSpan? time) => time is { } t ? Math.Round(t.TotalMinutes, 1) : null;
    }

    public sealed record LevelView(HandlingLevel Level, int Closed, int Direct, RateView? Share, RateView? DirectShare);

    public sealed record LevelsView(int Closed, int Direct, IReadOnlyList<LevelView> Levels)
    {
        public static LevelsView Of(ResolvedAtLevel levels) => new(levels.Closed, levels.Direct,
            [.. levels.Levels.Select(l => new LevelView(l.Level, l.Closed, l.Direct, RateView.Of(levels.Share(l.Level)), RateView.Of(levels.DirectShare(l.Level))))]);
    }

    public sealed record SettingsView(bool DefaultSatisfiedCounts);

    public sealed record AreaAssessment(PeriodView Period, CommunityId? CommunityId, IndicatorsView Indicators);

    public sealed record UnitAssessment(UnitId UnitId, string Name, UnitKind Kind, IndicatorsView Indicators);

    public sealed record UnitsAssessment(PeriodView Period, UnitKind? Kind, IReadOnlyList<UnitAssessment> Units);
}
