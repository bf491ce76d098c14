using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Archive;

/// <summary>An exclusive unit (专有部分) of a courtyard: a flat, a shop, a garage or a parking space, with its area.</summary>
public sealed class Home : ArchiveRecord
{
    public const int MaxUnitNumberLength = 32;
    /// <summary>Larger than any unit a courtyard sells; a typo in an import, not a home.</summary>
    public const decimal MaxArea = 10_000m;

    private Home() { }

    public HomeId Id { get; init; }
    public CourtyardId CourtyardId { get; private init; }
    public BuildingId? BuildingId { get; private init; }
    /// <summary>门牌: e.g. 3-2-1502 (building, entrance, floor and door).</summary>
    public string UnitNumber { get; private init; } = "";
    /// <summary>专有部分面积 in square metres.</summary>
    public decimal ExclusiveArea { get; private set; }
    public AreaSource AreaSource { get; private set; }
    public HomeUse Use { get; private set; }
    /// <summary>
    /// When a grid worker last confirmed the home and its residents on the round (<see cref="Quarter"/>); kept apart from
    /// <see cref="ArchiveRecord.ConfirmedAtUtc"/>, which an import of the registry's list also moves.
    /// </summary>
    public DateTime? VisitedAtUtc { get; private set; }

    public static Home Record(HomeId id, CourtyardId courtyardId, BuildingId? buildingId, string? unitNumber, decimal? area, AreaSource areaSource,
        HomeUse use, ArchiveSource source, DateTime confirmedAtUtc)
    {
        var number = unitNumber?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > MaxUnitNumberLength)
            throw new DomainValidationException("InvalidUnitNumber", $"A unit number has 1 to {MaxUnitNumberLength} characters.", "unitNumber");
        var home = new Home { Id = id, CourtyardId = courtyardId, BuildingId = buildingId, UnitNumber = number };
        home.Correct(area, areaSource, use, source, confirmedAtUtc);
        return home;
    }

    /// <summary>A source's figures for the unit: its exclusive area with where the figure comes from, and its use.</summary>
    public void Correct(decimal? area, AreaSource areaSource, HomeUse use, ArchiveSource source, DateTime confirmedAtUtc)
    {
        (ExclusiveArea, AreaSource, Use) = (AreaOf(area), KnownValue.Of(areaSource, "areaSource"), KnownValue.Of(use, "use"));
        Confirm(source, confirmedAtUtc);
    }

    /// <summary>Someone on the round found the home as the book has it (after any corrections made on the visit).</summary>
    public void Visit(ArchiveSource source, DateTime atUtc)
    {
        VisitedAtUtc = atUtc;
        Confirm(source, atUtc);
    }

    /// <summary>Whether a source gives the same figures as the record.</summary>
    public bool Says(decimal area, AreaSource areaSource, HomeUse use) => (ExclusiveArea, AreaSource, Use) == (decimal.Round(area, 2), areaSource, use);

    public static decimal AreaOf(decimal? area) => area is { } exclusive && exclusive > 0 && exclusive <= MaxArea
        ? decimal.Round(exclusive, 2)
        : throw new DomainValidationException("InvalidArea", $"An exclusive area is more than 0 and at most {MaxArea} m².", "exclusiveArea");
}
