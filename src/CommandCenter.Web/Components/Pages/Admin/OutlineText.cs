using System.Globalization;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// A courtyard's outline as the places form writes it, "lng,lat; lng,lat; …". Read as given, never fixed up: what is not a
/// number stays not a number, so <see cref="CourtyardOutline.Of"/> refuses it naming the outline, as the API would.
/// </summary>
public static class OutlineText
{
    public static string Format(IReadOnlyList<MapPoint> outline) =>
        string.Join("; ", outline.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Longitude},{p.Latitude}")));

    /// <summary>Null for an empty field (no outline).</summary>
    public static IReadOnlyList<double[]?>? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(point => point.Split(',', StringSplitOptions.TrimEntries)
                .Select(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN).ToArray())];
}
