using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Assessment.Scoring;

/// <summary>
/// Who a scoring scheme scores: a kind of unit (the same names as <see cref="UnitKind"/>, so the stored schemes
/// of units keep their keys) or a kind of person.
/// </summary>
public enum ScoredKind
{
    PropertyCompany,
    CourtyardGroup,
    CommunityCommittee,
    StreetOffice,
    DistrictDepartment,
    Dispatcher,
    GridWorker,
    OwnersCommittee,
}

public static class ScoredKinds
{
    public static ScoredKind Of(UnitKind kind) => kind switch
    {
        UnitKind.PropertyCompany => ScoredKind.PropertyCompany,
        UnitKind.CourtyardGroup => ScoredKind.CourtyardGroup,
        UnitKind.CommunityCommittee => ScoredKind.CommunityCommittee,
        UnitKind.StreetOffice => ScoredKind.StreetOffice,
        UnitKind.DistrictDepartment => ScoredKind.DistrictDepartment,
        UnitKind.OwnersCommittee => ScoredKind.OwnersCommittee,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of unit."),
    };

    public static ScoredKind Of(PersonKind kind) => kind == PersonKind.Dispatcher ? ScoredKind.Dispatcher : ScoredKind.GridWorker;

    /// <summary>The kind of person a scheme scores, or null for a kind of unit.</summary>
    public static PersonKind? PersonOf(ScoredKind kind) => kind switch
    {
        ScoredKind.Dispatcher => PersonKind.Dispatcher,
        ScoredKind.GridWorker => PersonKind.GridWorker,
        _ => null,
    };

    /// <summary>What a scheme of the kind may weigh: the figures its units or people have.</summary>
    public static IReadOnlyList<ScoreIndicator> Weighable(ScoredKind kind) => PersonOf(kind) switch
    {
        PersonKind.Dispatcher => [ScoreIndicator.RegisteredCount, ScoreIndicator.DispatchOnTimeRate, ScoreIndicator.ReturnRate],
        PersonKind.GridWorker => [ScoreIndicator.RegisteredCount, ScoreIndicator.VerificationOnTimeRate, ScoreIndicator.InvalidReportRate],
        _ =>
        [
            ScoreIndicator.RegisteredCount, ScoreIndicator.ClosureRate, ScoreIndicator.OnTimeRate, ScoreIndicator.UrgentOnTimeRate,
            ScoreIndicator.ReworkRate, ScoreIndicator.SatisfactionRate, ScoreIndicator.ReturnRate,
        ],
    };
}
