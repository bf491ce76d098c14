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
