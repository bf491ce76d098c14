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
    public int? BuildingId { get; private init; }
    /// <summary>门牌: e.g. 3-2-1502 (building, entrance, floor and door).</summary>
    public string UnitNumber { get; private init; } = "";
    /// <summary>专有部分面积 in square metres.</summary>
    public decimal ExclusiveArea { get; private set; }
    public AreaSource AreaSource { get; private set; }
    public HomeUse Use { get; private set; }

    public static Home Record(HomeId id, CourtyardId courtyardId, int? buildingId, string? unitNumber, decimal? area, AreaSource areaSource,
        HomeUse use, ArchiveSource source, DateTime confirmedAtUtc)
    {
        var number = unitNumber?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > MaxUnitNumberLength)
            throw new DomainValidationException("InvalidUnitNumber", $"A unit number has 1 to {MaxUnitNumberLength} characters.", "unitNumber");
        if (area is not { } exclusive || exclusive <= 0 || exclusive > MaxArea)
            throw new DomainValidationException("InvalidArea", $"An exclusive area is more than 0 and at most {MaxArea} m².", "exclusiveArea");
        var home = new Home
        {
            Id = id, CourtyardId = courtyardId, BuildingId = buildingId, UnitNumber = number,
            ExclusiveArea = decimal.Round(exclusive, 2), AreaSource = areaSource, Use = use,
        };
        home.Confirm(source, confirmedAtUtc);
        return home;
    }
}
