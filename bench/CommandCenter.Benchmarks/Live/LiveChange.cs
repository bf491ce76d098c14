namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// One committed change made through the API: the case, the timeline event it published and
/// when its HTTP response arrived, on the monotonic clock (hub clients, same process) and on
/// the wall clock (the browser, another process on this machine).
/// </summary>
internal sealed record LiveChange(Guid CaseId, string Number, string EventType, long RespondedAt, DateTime RespondedAtUtc)
{
    public double RespondedAtUnixMilliseconds => (RespondedAtUtc - DateTime.UnixEpoch).TotalMilliseconds;
}
