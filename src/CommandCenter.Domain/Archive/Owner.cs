using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Archive;

/// <summary>A party that owns homes: a person, the developer holding unsold units, or an organisation.</summary>
public sealed class Owner : ArchivePerson
{
    public const int MaxNameLength = 80;

    private Owner() { }

    public OwnerId Id { get; init; }
    public OwnerKind Kind { get; private init; }

    public static Owner Record(OwnerId id, OwnerKind kind, string? name, SealedNumber? idNumber, SealedNumber? phone, ArchiveSource source, DateTime confirmedAtUtc)
    {
        var owner = new Owner
        {
            Id = id, Kind = kind, Name = ArchiveNames.Check(name, MaxNameLength, "name"),
        };
        owner.SetNumbers(idNumber, phone);
        owner.Confirm(source, confirmedAtUtc);
        return owner;
    }
}

/// <summary>That an owner holds a home, alone or with co-owners; one co-owner represents the home (e.g. in a vote).</summary>
public sealed class Ownership : ArchiveRecord
{
    private Ownership() { }

    public long Id { get; init; }
    public HomeId HomeId { get; private init; }
    public OwnerId OwnerId { get; private init; }
    public bool Representative { get; private set; }
    /// <summary>按份共有: the owner's share of the home in percent; null when co-owners hold it jointly (共同共有) or one owns it alone.</summary>
    public decimal? Share { get; private set; }
    /// <summary>The day the owner got the title (a sale's or an inheritance's), when it is known.</summary>
    public DateOnly? Since { get; private init; }

    public static Ownership Record(HomeId homeId, OwnerId ownerId, bool representative, ArchiveSource source, DateTime confirmedAtUtc, decimal? share = null,
        DateOnly? since = null)
    {
        var ownership = new Ownership { HomeId = homeId, OwnerId = ownerId, Representative = representative, Share = share, Since = since };
        ownership.Confirm(source, confirmedAtUtc);
        return ownership;
    }

    /// <summary>The title was confirmed again, this owner representing the home or not, with their share.</summary>
    public void Represent(bool representative, decimal? share, ArchiveSource source, DateTime confirmedAtUtc)
    {
        (Representative, Share) = (representative, share);
        Confirm(source, confirmedAtUtc);
    }

    /// <summary>More names than a title (产权证) carries is a mistake.</summary>
    public const int MaxCoOwners = 10;

    /// <summary>
    /// A home's title as a whole: one to <see cref="MaxCoOwners"/> owners, each once, exactly one of them the
    /// representative (a sole owner represents the home without saying so); shares given for every co-owner
    /// adding up to 100 %, or for none (a sole owner's whole share is not written down).
    /// </summary>
    public static IReadOnlyList<Ownership> Title(HomeId homeId, IReadOnlyList<(OwnerId Owner, bool Representative, decimal? Share)> owners, ArchiveSource source,
        DateTime confirmedAtUtc, DateOnly? since = null)
    {
        if (owners.Count is < 1 or > MaxCoOwners)
            throw new DomainValidationException("InvalidCoOwners", $"A home has 1 to {MaxCoOwners} owners on its title.", "owners");
        if (owners.DistinctBy(o => o.Owner).Count() != owners.Count)
            throw new DomainValidationException("OwnerTwice", "An owner is on a home's title once.", "owners");
        var shares = owners.Select(o => o.Share).OfType<decimal>().ToList();
        if (shares.Any(s => s is <= 0 or > 100) || (shares.Count > 0 && (shares.Count != owners.Count || shares.Sum() != 100)))
            throw new DomainValidationException("InvalidShares", "Co-owners' shares are each more than 0 and add up to 100 %, or none is given.", "share");
        var sole = owners.Count == 1;
        List<Ownership> title = [.. owners.Select(o => Record(homeId, o.Owner, o.Representative || sole, source, confirmedAtUtc, sole ? null : o.Share, since))];
        CheckOneRepresentative(title);
        return title;
    }

    /// <summary>Whether two titles of a home name the same owners with the same representative and shares.</summary>
    public static bool SameTitle(IEnumerable<Ownership> one, IEnumerable<Ownership> other) =>
        one.Select(o => (o.OwnerId, o.Representative, o.Share)).ToHashSet().SetEquals(other.Select(o => (o.OwnerId, o.Representative, o.Share)));

    /// <summary>A home's owners must name exactly one representative among them.</summary>
    public static void CheckOneRepresentative(IReadOnlyCollection<Ownership> ownersOfOneHome)
    {
        if (ownersOfOneHome.Count > 0 && ownersOfOneHome.Count(o => o.Representative) != 1)
            throw new DomainValidationException("OneRepresentative", "A home's co-owners name exactly one representative.", "representative");
    }
}

internal static class ArchiveNames
{
    public static string Check(string? name, int maxLength, string field)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > maxLength || trimmed.Any(char.IsControl))
            throw new DomainValidationException("InvalidName", $"A name has 1 to {maxLength} printable characters.", field);
        return trimmed;
    }
}
