namespace CommandCenter.Domain.Cases;

/// <summary>How a rating stands on the timeline: the events that carry one, and the detail each writes.</summary>
public static class RatingRecords
{
    /// <summary>The events whose detail is a <see cref="Rating"/>: rated by the reporter, recorded on a revisit call, closed as 默认满意.</summary>
    public static IReadOnlyList<CaseEventType> EventTypes { get; } = [CaseEventType.Rated, CaseEventType.RevisitRecorded, CaseEventType.AutoClosed];

    /// <summary>The detail a rating event carries, e.g. <c>Rating.Unsatisfied</c>.</summary>
    public static string Detail(Rating rating) => $"{nameof(Rating)}.{rating}";
}
