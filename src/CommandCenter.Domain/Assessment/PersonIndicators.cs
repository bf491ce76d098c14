using CommandCenter.Domain.Assessment.Scoring;

namespace CommandCenter.Domain.Assessment;

/// <summary>
/// A person's rates, written once for the page, the API and the score. A dispatcher is judged by how many cases
/// they dispatched, how many before the dispatch limit, and how many came back as 退单; a grid worker by how
/// many cases they reported, how many of those the desk refused as invalid, and how many verifications (核查)
/// they did before the verification limit. Only what the timeline records under the person's name counts.
/// </summary>
public sealed record PersonIndicators(PersonKind Kind, PersonCounts Counts) : IScoreFigures
{
    /// <summary>按时派遣率 = dispatches before the limit ÷ dispatches.</summary>
    public Rate? DispatchOnTimeRate => Rate.Of(Counts.Of(PersonAct.DispatchedOnTime), Counts.Of(PersonAct.Dispatched));

    /// <summary>退单率 of a dispatcher = dispatches returned by the unit ÷ dispatches.</summary>
    public Rate? ReturnRate => Rate.Of(Counts.Of(PersonAct.DispatchReturned), Counts.Of(PersonAct.Dispatched));

    /// <summary>无效上报率 = reports refused (不予受理) ÷ reports.</summary>
    public Rate? InvalidReportRate => Rate.Of(Counts.Of(PersonAct.ReportRejected), Counts.Of(PersonAct.Reported));

    /// <summary>按时核查率 = verifications before the limit ÷ verifications.</summary>
    public Rate? VerificationOnTimeRate => Rate.Of(Counts.Of(PersonAct.VerifiedOnTime), Counts.Of(PersonAct.Verified));

    /// <summary>Average wait at the desk before this person's dispatches, in working time; null when they dispatched nothing.</summary>
    public TimeSpan? AverageDispatchTime => Counts.TimedDispatches == 0 ? null : Counts.DispatchTime / Counts.TimedDispatches;

    /// <summary>What 立案数分值 counts for a person: a dispatcher's dispatches, a grid worker's reports.</summary>
    public int Counted => Counts.Of(Kind == PersonKind.Dispatcher ? PersonAct.Dispatched : PersonAct.Reported);

    public Rate? RateOf(ScoreIndicator indicator) => indicator switch
    {
        ScoreIndicator.DispatchOnTimeRate => DispatchOnTimeRate,
        ScoreIndicator.ReturnRate => ReturnRate,
        ScoreIndicator.InvalidReportRate => InvalidReportRate,
        ScoreIndicator.VerificationOnTimeRate => VerificationOnTimeRate,
        _ => null,
    };
}
