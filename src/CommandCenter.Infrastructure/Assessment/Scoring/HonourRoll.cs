using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Assessment.Scoring;

/// <summary>Which of the two lists of the 红黑榜 a unit is on.</summary>
public enum HonourList
{
    /// <summary>红榜: the best of the kind.</summary>
    Red,
    /// <summary>黑榜: the worst of the kind.</summary>
    Black,
}

/// <summary>A street's month's 红黑榜 as published: one per street and month, frozen; later cases change none of it.</summary>
public sealed class HonourRollPublication
{
    /// <summary>The street whose cases scored it (docs/decisions/0017): each street publishes its own.</summary>
    public StreetId StreetId { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public DateTime PublishedAtUtc { get; init; }
    public required string PublishedBy { get; init; }
}

/// <summary>One unit on a published 红黑榜: its score, grade and rank as they stood, and the scheme revision that scored it.</summary>
public sealed class HonourRollEntry
{
    public StreetId StreetId { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public UnitId UnitId { get; init; }
    public UnitKind Kind { get; init; }
    public required string UnitName { get; init; }
    public HonourList List { get; init; }
    public int Rank { get; init; }
    public decimal Score { get; init; }
    public Grade Grade { get; init; }
    public int SchemeRevision { get; init; }
}

/// <summary>One dispatcher or grid worker on a published 红黑榜, frozen like the units (their own table: a person is not a unit).</summary>
public sealed class HonourRollPersonEntry
{
    public StreetId StreetId { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public StaffId StaffId { get; init; }
    public PersonKind Kind { get; init; }
    public required string Name { get; init; }
    public HonourList List { get; init; }
    public int Rank { get; init; }
    public decimal Score { get; init; }
    public Grade Grade { get; init; }
    public int SchemeRevision { get; init; }
}

/// <summary>A month's 红黑榜 as read back: the units, and the people scored by their kinds' schemes.</summary>
public sealed record PublishedHonourRoll(HonourRollPublication Publication, IReadOnlyList<HonourRollEntry> Entries, IReadOnlyList<HonourRollPersonEntry> Persons);

/// <summary>A street asked for by id that the district does not have (a page or a link naming a street since removed, or a typo).</summary>
public sealed class UnknownStreetException(StreetId street) : Exception($"Street {street} does not exist.");

/// <summary>A street's month is published once; a second publish would change what was announced.</summary>
public sealed class HonourRollAlreadyPublishedException(StreetId street, int year, int month)
    : Exception($"The 红黑榜 of street {street} for {year}-{month:00} is already published; a published list does not change.");
