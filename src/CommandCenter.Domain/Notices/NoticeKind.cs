namespace CommandCenter.Domain.Notices;

/// <summary>Why someone is told something; each kind has its own template.</summary>
public enum NoticeKind
{
    /// <summary>To the unit's staff: a case was dispatched to them.</summary>
    Dispatched,
    /// <summary>To the unit's staff: 催办, the warning point of the handling limit passed.</summary>
    Warned,
    /// <summary>To the unit's staff: 督办.</summary>
    Supervised,
    /// <summary>To the dispatchers: a sign-for or another clock ran out.</summary>
    ClockOverdue,
    /// <summary>To the resident who left a phone number: the case is closed.</summary>
    CaseClosed,
    /// <summary>To the resident who left a phone number: the report was rejected.</summary>
    CaseRejected,
}

/// <summary>Whom a kind of notice goes to.</summary>
public enum NoticeAudience
{
    UnitStaff,
    Dispatchers,
    Reporter,
}

/// <summary>Where a notice is on its way to the gateway.</summary>
public enum NoticeState
{
    /// <summary>Waiting for its time (first try, a retry, the end of quiet hours or of the rate limit).</summary>
    Pending,
    /// <summary>Claimed by a worker until its lease ends; a worker that died leaves it to be claimed again.</summary>
    Sending,
    Sent,
    /// <summary>Gave up after the last try; an administrator may send it again.</summary>
    DeadLetter,
}
