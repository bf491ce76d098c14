using System.Collections.Concurrent;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// Active tokens this server has just read, by hash, for a few seconds: a system calling the
/// API hundreds of times a second would otherwise read its token from the database on every
/// request. A revocation on this server evicts at once; another server's revocation reaches
/// this one's bearer requests within <see cref="Lifetime"/> at the latest.
/// </summary>
internal sealed class ActiveTokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private long _revocations;

    public AccessToken? Find(string hash) =>
        _byHash.TryGetValue(hash, out var entry) && clock.GetElapsedTime(entry.ReadAt) < Lifetime ? entry.Token : null;

    /// <summary>Taken before the database read that <see cref="Add"/> will store.</summary>
    public long Revision => Interlocked.Read(ref _revocations);

    /// <summary>
    /// Keeps a token read while the revision was <paramref name="readAtRevision"/>. A revocation
    /// that committed meanwhile may have missed the entry, so it is taken out again.
    /// </summary>
    public void Add(AccessToken token, long readAtRevision)
    {
        var entry = new Entry(token, clock.GetTimestamp());
        _byHash[token.Hash] = entry;
        if (Revision != readAtRevision) _byHash.TryRemove(new KeyValuePair<string, Entry>(token.Hash, entry));
    }

    /// <summary>Called after the revocation committed.</summary>
    public void Evict(string hash)
    {
        Interlocked.Increment(ref _revocations);
        _byHash.TryRemove(hash, out _);
    }

    private sealed record Entry(AccessToken Token, long ReadAt);
}
