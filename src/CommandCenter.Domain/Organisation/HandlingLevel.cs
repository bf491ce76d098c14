namespace CommandCenter.Domain.Organisation;

/// <summary>The four levels a case is handled at, lowest first (小事不出院落,中事不出社区,大事不出街道).</summary>
public enum HandlingLevel
{
    Courtyard = 1,
    Community = 2,
    Street = 3,
    District = 4,
}

public static class HandlingLevels
{
    public const HandlingLevel Highest = HandlingLevel.District;

    public static bool CanRise(this HandlingLevel level) => level < Highest;

    public static HandlingLevel Next(this HandlingLevel level) =>
        level.CanRise() ? level + 1 : throw new InvalidOperationException($"{level} is the highest level.");
}
