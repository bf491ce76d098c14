using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Access;
using static CommandCenter.Web.Api.AssessmentEndpoints;

namespace CommandCenter.Web.Api;

/// <summary>一网评效's scores: the schemes per kind of unit, the ranked scores of a period, and the monthly 红黑榜.</summary>
public static class ScoringEndpoints
{
    public static IEndpointRouteBuilder MapScoringApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin/scoring").WithTags("Scoring").RequireAuthorization(Policies.AdministerPolicies);
        admin.MapGet("/{kind}", async (ScoredKind kind, ScoringAdministration schemes, CancellationToken ct) =>
                SchemeView.Of(await schemes.CurrentAsync(kind, ct)))
            .WithSummary("The current scoring scheme of a kind of unit, or of person (Dispatcher, GridWorker): weights, 立案数 count bands, " +
                "grade bands, 红黑榜 size, revision.");
        admin.MapPut("/{kind}", async (ScoredKind kind, ScoringSchemeInput input, ApiCaller caller, ScoringAdministration schemes, CancellationToken ct) =>
                SchemeView.Of(await schemes.SaveAsync(caller.Post, kind, input, ct)))
            .WithSummary("Saves a kind's scheme as its next revision, given the revision the editor saw (409 when stale); " +
                "422 with a code when invalid (weights must sum to 100, bands be ordered, indicators be the kind's). Reports already published keep theirs.");

        var assessment = endpoints.MapGroup("/api/assessment").WithTags("Scoring").RequireAuthorization(Policies.ViewAssessment);
        assessment.MapGet("/scores", async ([AsParameters] PeriodQuery query, UnitKind? kind, StreetId? street, ApiCaller caller, UnitScores scores,
                HonourRolls rolls, CancellationToken ct) =>
            {
                var period = query.ToPeriod();
                var unitKind = KnownValue.Of(RequestField.Required(kind, "kind"), "kind");
                var scored = await scores.OfKindAsync(rolls.ScorerFor(caller.Post, street), period, unitKind, ct);
                return new ScoresView(PeriodView.Of(period), unitKind, scored.Scheme.Revision,
                    [.. scored.Rows.Select(r => new ScoreRow(r.Unit.UnitId, r.Unit.Name, r.Rank, r.Score?.Value, r.Score?.Grade, IndicatorsView.Of(r.Unit.Counts, scored.DefaultSatisfiedCounts)))]);
            })
            .WithSummary("A kind's units for a period, ranked by 综合指标值 (ties share a rank: 1, 1, 3); units with nothing to score come last, unranked. " +
                "street: that street's cases alone, as its 红黑榜 scores them (404 UnknownStreet when the district has no such street, 403 Forbidden with " +
                "refusal OutOfScope for a street outside the caller's scope); left out, the caller's whole scope.");
        assessment.MapGet("/persons/scores", async ([AsParameters] PeriodQuery query, PersonKind? kind, CommunityId? communityId, StreetId? street, ApiCaller caller,
                PersonScores scores, HonourRolls rolls, CancellationToken ct) =>
            {
                var period = query.ToPeriod();
                var scored = await scores.OfKindAsync(rolls.ScorerFor(caller.Post, street), period, KnownValue.Of(RequestField.Required(kind, "kind"), "kind"), communityId, ct);
                return PersonScoresView.Of(scored);
            })
            .WithSummary("A kind of person's figures for a period (kind=Dispatcher: dispatched, on time, returned, 改派, average wait in working " +
                "minutes; kind=GridWorker: reported, rejected as invalid, verified, on time), ranked by their scheme's 综合指标值 " +
                "(ties share a rank); each figure opens through GET /api/assessment/persons/{staffId}/cases?act=. " +
                "street: that street's cases alone, as its 红黑榜 scores them (a district post any street, a street's post its own; 404 UnknownStreet " +
                "when the district has no such street, 403 Forbidden with refusal OutOfScope for a street outside the caller's scope); left out, the caller's whole scope.");
        assessment.MapGet("/honour-roll", async (int? year, int? month, StreetId? street, ApiCaller caller, HonourRolls rolls, CancellationToken ct) =>
                await rolls.OfMonthAsync(rolls.ReadStreetOf(street ?? caller.Post.StreetId), RequestField.Required(year, "year"), RequestField.Required(month, "month"), ct)
                    is { } roll ? Results.Ok(HonourRollView.Of(roll)) : Results.NotFound())
            .WithSummary("A street's month's published 红黑榜, exactly as published (street: the caller's own, or with one street the only one; " +
                "422 HonourRollStreet when a district post leaves it out among several; 404 UnknownStreet when the district has no such street); " +
                "404 when the month has not been published.");
        assessment.MapPost("/honour-roll/publish", async (int? year, int? month, StreetId? street, ApiCaller caller, HonourRolls rolls, CancellationToken ct) =>
            {
                var roll = await rolls.PublishAsync(caller.Post, street, RequestField.Required(year, "year"), RequestField.Required(month, "month"), ct);
                return TypedResults.Created($"/api/assessment/honour-roll?year={year}&month={month}&street={roll.Publication.StreetId}", HonourRollView.Of(roll));
            })
            .RequireAuthorization(Policies.PublishHonourRoll)
            .WithSummary("Publishes a street's finished month's 红黑榜 (street leader: their own street; a district post names it when there are several), " +
                "scored on that street's cases: each kind's top N and bottom N, frozen; 409 when already published; 404 UnknownStreet when the " +
                "district has no such street, 403 Forbidden with refusal OutOfScope for a street outside the publisher's scope, as the scores answer.");
        return endpoints;
    }

    public sealed record SchemeView(ScoredKind Kind, int Revision, IReadOnlyList<IndicatorWeight> Weights, IReadOnlyList<CountBand> CountBands, GradeBands Grades, int ListSize)
    {
        public static SchemeView Of(ScoringScheme s) => new(s.Kind, s.Revision, s.Weights, s.CountBands, s.Grades, s.ListSize);
    }

    public sealed record ScoreRow(UnitId UnitId, string Name, int? Rank, decimal? Score, Grade? Grade, IndicatorsView Indicators);

    public sealed record ScoresView(PeriodView Period, UnitKind Kind, int SchemeRevision, IReadOnlyList<ScoreRow> Units);

    /// <summary>One person's row: the figures of their kind by act name, the rates in percent, and their place.</summary>
    public sealed record PersonScoreRow(
        StaffId StaffId, string Name, int? Rank, decimal? Score, Grade? Grade, IReadOnlyDictionary<PersonAct, int> Figures,
        IReadOnlyDictionary<ScoreIndicator, RateView?> Rates, double? AverageDispatchMinutes);

    public sealed record PersonScoresView(PeriodView Period, PersonKind Kind, int SchemeRevision, IReadOnlyList<PersonScoreRow> People)
    {
        public static PersonScoresView Of(PersonKindScores scored) => new(PeriodView.Of(scored.Period), scored.Kind, scored.Scheme.Revision,
            [.. scored.Rows.Select(r => new PersonScoreRow(r.Person.StaffId, r.Person.Name, r.Rank, r.Score?.Value, r.Score?.Grade,
                PersonKinds.Figures(scored.Kind).ToDictionary(a => a, r.Person.Of),
                ScoredKinds.Weighable(ScoredKinds.Of(scored.Kind)).Where(i => i != ScoreIndicator.RegisteredCount)
                    .ToDictionary(i => i, i => RateView.Of(r.Indicators.RateOf(i))),
                r.Indicators.AverageDispatchTime?.TotalMinutes))]);
    }

    public sealed record HonourRollRow(UnitId UnitId, string Name, UnitKind Kind, HonourList List, int Rank, decimal Score, Grade Grade, int SchemeRevision);

    public sealed record HonourRollPersonRow(StaffId StaffId, string Name, PersonKind Kind, HonourList List, int Rank, decimal Score, Grade Grade, int SchemeRevision);

    /// <summary>A published 红黑榜: the units (<c>entries</c>) and the dispatchers and grid workers (<c>persons</c>).</summary>
    public sealed record HonourRollView(
        StreetId StreetId, int Year, int Month, DateTime PublishedAtUtc, string PublishedBy, IReadOnlyList<HonourRollRow> Entries, IReadOnlyList<HonourRollPersonRow> Persons)
    {
        public static HonourRollView Of(PublishedHonourRoll roll) => new(
            roll.Publication.StreetId, roll.Publication.Year, roll.Publication.Month, roll.Publication.PublishedAtUtc, roll.Publication.PublishedBy,
            [.. roll.Entries.Select(e => new HonourRollRow(e.UnitId, e.UnitName, e.Kind, e.List, e.Rank, e.Score, e.Grade, e.SchemeRevision))],
            [.. roll.Persons.Select(e => new HonourRollPersonRow(e.StaffId, e.Name, e.Kind, e.List, e.Rank, e.Score, e.Grade, e.SchemeRevision))]);
    }
}
