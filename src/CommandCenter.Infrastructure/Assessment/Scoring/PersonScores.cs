using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Assessment.Scoring;

/// <summary>A person's figures and rates with their score (null: nothing they did had a rate) and rank among their kind.</summary>
public sealed record PersonScore(PersonIndicatorCounts Person, PersonIndicators Indicators, Score? Score, int? Rank);

/// <summary>A kind's people for a period, ranked by the scheme that scored them; the unscored last.</summary>
public sealed record PersonKindScores(AssessmentPeriod Period, PersonKind Kind, ScoringScheme Scheme, IReadOnlyList<PersonScore> Rows);

/// <summary>Scores and ranks dispatchers or grid workers by their kind's current scheme, with the unit ranking's shared ranks.</summary>
public sealed class PersonScores(AssessmentQueries queries, ScoringAdministration schemes)
{
    public async Task<PersonKindScores> OfKindAsync(
        Post post, AssessmentPeriod period, PersonKind kind, CommunityId? communityId = null, CancellationToken cancellationToken = default)
    {
        var scheme = await schemes.CurrentAsync(ScoredKinds.Of(kind), cancellationToken);
        return Rank(period, kind, scheme, await queries.PersonsAsync(post, period, communityId, cancellationToken, kind));
    }

    /// <summary>
    /// Every kind's people who acted in the period, from one read of the figures (the wall's ranking): the scores and ranks
    /// <see cref="OfKindAsync"/> gives, without the staff who did nothing (they have no score, so no rank).
    /// </summary>
    public async Task<IReadOnlyList<PersonKindScores>> OfEveryKindAsync(
        Post post, AssessmentPeriod period, CommunityId? communityId = null, CancellationToken cancellationToken = default)
    {
        var people = await queries.PersonsAsync(post, period, communityId, cancellationToken);
        var current = await schemes.CurrentAsync(cancellationToken);
        return [.. Enum.GetValues<PersonKind>().Select(kind =>
            Rank(period, kind, current[ScoredKinds.Of(kind)], [.. people.Where(p => PersonKinds.Of(p.Role) == kind)]))];
    }

    /// <summary>A kind's people scored by <paramref name="scheme"/> and ranked, ties sharing a rank, the unscored last.</summary>
    public static PersonKindScores Rank(AssessmentPeriod period, PersonKind kind, ScoringScheme scheme, IReadOnlyList<PersonIndicatorCounts> people)
    {
        var indicators = people.Select(p => (Person: p, Indicators: new PersonIndicators(kind, p.Counts))).ToList();
        var ranked = Ranking.Of(indicators.Select(x => (x, scheme.Score(x.Indicators))));
        return new(period, kind, scheme,
        [
            .. ranked.Select(r => new PersonScore(r.Item.Person, r.Item.Indicators, r.Score, r.Rank)),
            .. indicators.Where(x => ranked.All(r => r.Item.Person.StaffId != x.Person.StaffId)).Select(x => new PersonScore(x.Person, x.Indicators, null, null)),
        ]);
    }
}
