using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Assessment.Scoring;

/// <summary>A unit's counts with its score (null: nothing it had to do was rated) and rank among its kind.</summary>
public sealed record UnitScore(UnitIndicatorCounts Unit, Score? Score, int? Rank);

/// <summary>A kind's units for a period, ranked by the scheme that scored them; the unscored last.</summary>
public sealed record KindScores(AssessmentPeriod Period, ScoringScheme Scheme, IReadOnlyList<UnitScore> Rows, bool DefaultSatisfiedCounts);

/// <summary>Scores and ranks units by their kind's current scheme over the same counts as the assessment tables.</summary>
public sealed class UnitScores(AssessmentQueries queries, ScoringAdministration schemes)
{
    public async Task<KindScores> OfKindAsync(Post post, AssessmentPeriod period, UnitKind kind, CancellationToken cancellationToken = default)
    {
        var scheme = await schemes.CurrentAsync(ScoredKinds.Of(kind), cancellationToken);
        var units = await queries.UnitsAsync(post, period, kind, cancellationToken);
        var defaultSatisfiedCounts = await queries.DefaultSatisfiedCountsAsync(post.StreetId, cancellationToken);
        return new(period, scheme, Rows(units, scheme, defaultSatisfiedCounts), defaultSatisfiedCounts);
    }

    /// <summary>Units of any kinds ranked together, each scored by its own kind's scheme (the wall's one ranking).</summary>
    public static IReadOnlyList<Ranked<UnitIndicatorCounts>> RankAcrossKinds(
        IEnumerable<UnitIndicatorCounts> units, IReadOnlyDictionary<ScoredKind, ScoringScheme> schemes, bool defaultSatisfiedCounts) =>
        Ranking.Of(units.Select(u => (u, schemes.GetValueOrDefault(ScoredKinds.Of(u.Kind))?.Score(u.Counts, defaultSatisfiedCounts))));

    private static List<UnitScore> Rows(IReadOnlyList<UnitIndicatorCounts> units, ScoringScheme scheme, bool defaultSatisfiedCounts)
    {
        var ranked = Ranking.Of(units.Select(u => (u, scheme.Score(u.Counts, defaultSatisfiedCounts))));
        return
        [
            .. ranked.Select(r => new UnitScore(r.Item, r.Score, r.Rank)),
            .. units.Where(u => ranked.All(r => r.Item.UnitId != u.UnitId)).Select(u => new UnitScore(u, null, null)),
        ];
    }
}
