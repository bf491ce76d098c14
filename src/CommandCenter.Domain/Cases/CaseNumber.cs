using System.Globalization;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Cases;

/// <summary>Human-readable case number, unique per street and (China) day: CT-20261122-0042.</summary>
public static class CaseNumber
{
    public static string Format(string streetCode, DateOnly localDay, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{streetCode}-{localDay:yyyyMMdd}-{sequence:D4}");

    public static string Prefix(string streetCode, DateTime utc) =>
        string.Create(CultureInfo.InvariantCulture, $"{streetCode}-{ChinaTime.LocalDate(utc):yyyyMMdd}-");
}
