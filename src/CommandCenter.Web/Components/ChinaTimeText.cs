using System.Globalization;
using CommandCenter.Domain.Common;

namespace CommandCenter.Web.Components;

/// <summary>Times are kept in UTC and shown in China time (UTC+8) whatever the server's or browser's zone.</summary>
public static class ChinaTimeText
{
    public const string Pattern = "yyyy-MM-dd HH:mm";

    public static string Format(DateTime utc) => ToLocal(utc).ToString(Pattern, CultureInfo.InvariantCulture);

    public static string Format(DateTime? utc) => utc is { } value ? Format(value) : "—";

    /// <summary>China time in another pattern, e.g. "HH:mm" on the wall.</summary>
    public static string Format(DateTime utc, string pattern) => ToLocal(utc).ToString(pattern, CultureInfo.InvariantCulture);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(ChinaTime.ToLocal(utc), DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime localDate, TimeSpan localTime) =>
        DateTime.SpecifyKind(localDate.Date + localTime - ChinaTime.Offset, DateTimeKind.Utc);
}
