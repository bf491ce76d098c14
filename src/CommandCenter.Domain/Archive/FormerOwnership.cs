using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Archive;

/// <summary>How a home's title passed from its owners to others.</summary>
public enum TitleChange
{
    Sale,
    Inheritance,
    Gift,
    /// <summary>A court's ruling (e.g. a divorce's division of property).</summary>
    CourtRuling,
    /// <summary>A source's list or a correction by hand put other owners on file, with no deed named.</summary>
    Recorded,
}

/// <summary>
/// An owner who left a home's title, with the days they held it and how it passed: appended when they leave and never
/// changed, so the home keeps its owners' history. Only the current title (<see cref="Ownership"/>) counts in a vote.
/// </summary>
public sealed class FormerOwnership
{
    private FormerOwnership() { }

    public long Id { get; init; }
    public HomeId HomeId { get; private init; }
    public OwnerId OwnerId { get; private init; }
    public bool Representative { get; private init; }
    public decimal? Share { get; private init; }
    public DateOnly? Since { get; private init; }
    public DateOnly Until { get; private init; }
    public TitleChange Change { get; private init; }
    /// <summary>The source the owner's record came from.</summary>
    public ArchiveSource Source { get; private init; }
    public DateTime RecordedAtUtc { get; private init; }

    /// <summary>
    /// The owners of <paramref name="onTitle"/> whom <paramref name="newTitle"/> leaves off, as former owners until <paramref name="on"/>;
    /// refused when the title would pass before one of them got it.
    /// </summary>
    public static IReadOnlyList<FormerOwnership> Leaving(IEnumerable<Ownership> onTitle, IReadOnlyCollection<Ownership> newTitle, TitleChange change, DateOnly on,
        DateTime recordedAtUtc)
    {
        var leaving = onTitle.Where(o => newTitle.All(n => n.OwnerId != o.OwnerId)).ToList();
        if (leaving.Any(o => o.Since is { } since && on < since))
            throw new DomainValidationException("TransferBeforeOwning", "A title cannot pass before its owners got it.", "on");
        return [.. leaving.Select(o => new FormerOwnership
        {
            HomeId = o.HomeId, OwnerId = o.OwnerId, Representative = o.Representative, Share = o.Share, Since = o.Since, Until = on,
            Change = KnownValue.Of(change, "change"), Source = o.Source, RecordedAtUtc = recordedAtUtc,
        })];
    }
}
