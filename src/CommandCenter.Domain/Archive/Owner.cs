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

    public static Ownership Record(HomeId homeId, OwnerId ownerId, bool representative, ArchiveSource source, DateTime confirmedAtUtc)
    {
        var ownership = new Ownership { HomeId = homeId, OwnerId = ownerId, Representative = representative };
        ownership.Confirm(source, confirmedAtUtc);
        return ownership;
    }

    /// <summary>The title was confirmed again, this owner representing the home or not.</summary>
    public void Represent(bool representative, ArchiveSource source, DateTime confirmedAtUtc)
    {
        Representative = representative;
        Confirm(source, confirmedAtUtc);
    }

    /// <summary>More names than a title (产权证) carries is a mistake.</summary>
    public const int MaxCoOwners = 10;

    /// <summary>
    /// A home's title as a whole: one to <see cref="MaxCoOwners"/> owners, each once, exactly one of them the
    /// representative (a sole owner represents the home without saying so).
    /// </summary>
    public static IReadOnlyList<Ownership> Title(HomeId homeId, IReadOnlyList<(OwnerId Owner, bool Representative)> owners, ArchiveSource source, DateTime confirmedAtUtc)
    {
        if (owners.Count is < 1 or > MaxCoOwners)
            throw new DomainValidationException("InvalidCoOwners", $"A home has 1 to {MaxCoOwners} owners on its title.", "owners");
        if (owners.DistinctBy(o => o.Owner).Count() != owners.Count)
            throw new DomainValidationException("OwnerTwice", "An owner is on a home's title once.", "owners");
        List<Ownership> title = [.. owners.Select(o => Record(homeId, o.Owner, o.Representative || owners.Count == 1, source, confirmedAtUtc))];
        CheckOneRepresentative(title);
        return title;
    }

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
