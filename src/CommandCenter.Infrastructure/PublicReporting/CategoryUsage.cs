using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// How often each problem was reported lately, so a resident finds the common ones first.
/// Counted once an hour at most: the order changes slowly and the QR page is read often.
/// </summary>
public sealed class CategoryUsage(IDbContextFactory<CommandCenterDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);
    public static readonly TimeSpan Freshness = TimeSpan.FromHours(1);

    private volatile Snapshot? _snapshot;

    /// <summary>Reports per category code over the window; a code not reported is absent.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_snapshot is { } fresh && now - fresh.TakenAtUtc < Freshness) return fresh.Counts;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = now - Window;
        var counts = await db.Cases.AsNoTracking().Where(c => c.ReportedAtUtc >= since)
            .GroupBy(c => c.CategoryCode).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, cancellationToken);
        _snapshot = new Snapshot(now, counts);
        return counts;
    }

    private sealed record Snapshot(DateTime TakenAtUtc, IReadOnlyDictionary<string, int> Counts);
}
