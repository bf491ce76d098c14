namespace CommandCenter.Domain.Cases;

public enum CaseState
{
    Reported,
    PendingDispatch,
    Dispatched,
    InProgress,
    PendingVerification,
    PendingEvaluation,
    Closed,
    Rejected,
    Merged,
}

public static class CaseStates
{
    public static readonly IReadOnlyList<CaseState> Final = [CaseState.Closed, CaseState.Rejected, CaseState.Merged];

    public static readonly IReadOnlyList<CaseState> Open =
        [.. Enum.GetValues<CaseState>().Where(s => !Final.Contains(s))];

    public static bool IsFinal(this CaseState state) => Final.Contains(state);
}
