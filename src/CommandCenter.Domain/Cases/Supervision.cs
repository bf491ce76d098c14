namespace CommandCenter.Domain.Cases;

/// <summary>Why the timer, not a person, urged a unit (督办): the lateness it saw.</summary>
public enum AutoSupervision
{
    /// <summary>The handling limit passed at district level.</summary>
    HandlingOverdue,
    /// <summary>The sign-for limit passed and the policy only reminds.</summary>
    SignForOverdue,
}

/// <summary>
/// A 督办 on a case: what the command center wants, by when the unit must answer, and the answer.
/// The case keeps the latest one until it leaves its unit or is done; the timeline keeps them all.
/// </summary>
/// <param name="Note">What the command center wants; null only for an automatic one (<see cref="Automatic"/> says why).</param>
public sealed record Supervision(DateTime AtUtc, string By, string? Note, DateTime ReplyDueUtc, AutoSupervision? Automatic)
{
    /// <summary>How long a unit has to answer when the 督办 names no deadline: one calendar day.</summary>
    public static readonly TimeSpan DefaultReplyWithin = TimeSpan.FromDays(1);
    /// <summary>The furthest a reply deadline may lie ahead: a 督办 is about now.</summary>
    public static readonly TimeSpan LongestReplyWithin = TimeSpan.FromDays(30);

    public DateTime? AnsweredAtUtc { get; init; }
    public string? AnsweredBy { get; init; }
    public string? Answer { get; init; }
    /// <summary>When the reply deadline passed unanswered; marks the timer fired.</summary>
    public DateTime? OverdueAtUtc { get; init; }

    public bool IsAnswered => AnsweredAtUtc is not null;

    /// <summary>When the reply-overdue timer is due; null once answered or fired.</summary>
    public DateTime? ReplyTimerDueUtc => IsAnswered || OverdueAtUtc is not null ? null : ReplyDueUtc;
}
