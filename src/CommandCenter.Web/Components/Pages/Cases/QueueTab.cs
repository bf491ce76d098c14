using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>One tab of the queues page: the states it shows (none: all) and its label's resource key.</summary>
public sealed record QueueTab(string LabelKey, IReadOnlyList<CaseState> States)
{
    public static readonly IReadOnlyList<QueueTab> All =
    [
        .. new[]
        {
            CaseState.Reported, CaseState.PendingDispatch, CaseState.Dispatched, CaseState.InProgress,
            CaseState.PendingVerification, CaseState.PendingEvaluation, CaseState.Closed,
        }.Select(s => new QueueTab($"{nameof(CaseState)}.{s}", [s])),
        new("Queue.RejectedOrMerged", [CaseState.Rejected, CaseState.Merged]),
        new("Queue.All", []),
    ];

    /// <summary>The tab's name in a URL: its state, or the last part of its label key.</summary>
    public string Key => LabelKey[(LabelKey.LastIndexOf('.') + 1)..];

    public bool Shows(CaseState state) => States.Count == 0 || States.Contains(state);
}
