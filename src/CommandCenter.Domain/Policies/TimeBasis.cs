namespace CommandCenter.Domain.Policies;

/// <summary>How a time limit is counted.</summary>
public enum TimeBasis
{
    /// <summary>Round the clock (自然时, and 紧急工作时 for urgent cases).</summary>
    Calendar,
    /// <summary>Only inside working hours on working days (工作时/工作日).</summary>
    Working,
}
