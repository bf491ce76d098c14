namespace CommandCenter.Domain.Policies;

/// <summary>
/// What happens when a dispatched unit does not sign (DESIGN §4, issue 13). At the sign-for limit
/// the unit and the dispatcher are always reminded; the choice says what follows at twice the limit.
/// </summary>
public enum SignForLapse
{
    /// <summary>Only the reminder at the limit; the case waits for the unit.</summary>
    Remind,
    /// <summary>At twice the limit the case goes back to the dispatch queue without its unit.</summary>
    ReturnToDispatch,
    /// <summary>At twice the limit the case rises one level, as a missed handling limit does.</summary>
    Escalate,
}
