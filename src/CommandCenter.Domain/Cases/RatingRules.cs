using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// Which ratings a person gives, and as whom (DESIGN §3): the reporter, or staff recording a revisit
/// call (回访), rates 满意, 基本满意 or 不满意. 默认满意 and the automatic source belong to the
/// evaluation timer alone (<see cref="Case.AutoClose"/>). Every form, page and check asks here.
/// </summary>
public static class RatingRules
{
    /// <summary>The ratings a person may give, best first: what a rating form offers.</summary>
    public static IReadOnlyList<Rating> ByPerson { get; } = [Rating.Satisfied, Rating.BasicallySatisfied, Rating.Unsatisfied];

    /// <summary>Whom a person's rating may come from, the reporter first.</summary>
    public static IReadOnlyList<RatingSource> PersonSources { get; } = [RatingSource.Reporter, RatingSource.Revisit];

    /// <summary>
    /// The channels whose cases have someone to rate them: the Hotline caller (the revisit call reaches
    /// the number the hotline took) and the ResidentQr reporter (who holds the tracking code). The others
    /// have no resident to ask: GridPatrol is a grid worker's own report, Dispatcher is the desk's own
    /// case, and ExternalSystem hands over a case whose reporter holds no tracking code here.
    /// </summary>
    private static readonly HashSet<Channel> RatedChannels = [Channel.Hotline, Channel.ResidentQr];

    /// <summary>
    /// Whether anyone can rate a case that came in by <paramref name="channel"/>. One nobody can rate
    /// closes when its verification passes, instead of waiting out the window to close as 默认满意.
    /// </summary>
    public static bool HasRater(Channel channel) => RatedChannels.Contains(KnownValue.Of(channel, "channel"));

    /// <summary>
    /// Whether the reporter of a case that came in by <paramref name="channel"/> rates only through the desk's revisit
    /// call (回访): the Hotline caller holds no tracking code, so the case waits in 待评价 for the call, within the
    /// street's revisit window (<see cref="Policies.StreetRules.RevisitWindow"/>), and closes as 默认满意 without it.
    /// </summary>
    public static bool RatedByRevisitOnly(Channel channel) => KnownValue.Of(channel, "channel") == Channel.Hotline;

    /// <summary>Whom a rating of a case that came in by <paramref name="channel"/> may be recorded from, as a form offers it.</summary>
    public static IReadOnlyList<RatingSource> SourcesFor(Channel channel) => RatedByRevisitOnly(channel) ? [RatingSource.Revisit] : PersonSources;

    /// <summary>Refuses a rating or a source no person may give; a value no enum defines is unknown rather than invalid.</summary>
    public static void Check(Rating rating, RatingSource source)
    {
        if (!ByPerson.Contains(KnownValue.Of(rating, "rating")))
            throw new DomainValidationException("InvalidRating", "A person rates Satisfied, BasicallySatisfied or Unsatisfied; DefaultSatisfied is the timer's.", "rating");
        if (!PersonSources.Contains(KnownValue.Of(source, "source")))
            throw new DomainValidationException("InvalidRatingSource", "A rating comes from the reporter or a revisit call.", "source");
    }
}
