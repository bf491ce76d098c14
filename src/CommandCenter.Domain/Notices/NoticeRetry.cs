namespace CommandCenter.Domain.Notices;

/// <summary>Exponential backoff between tries of a failing gateway, capped.</summary>
public static class NoticeRetry
{
    /// <param name="attempts">Tries made so far, at least one.</param>
    public static TimeSpan DelayAfter(int attempts, TimeSpan first, TimeSpan longest)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = first * factor;
        return delay > longest ? longest : delay;
    }
}
