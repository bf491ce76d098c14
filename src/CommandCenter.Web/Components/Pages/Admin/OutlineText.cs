using System.Globalization;
using System.Text.Json;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// A courtyard's outline as the places form writes it, "lng,lat; lng,lat; …". Read as given, never fixed up: what is not a
/// number stays not a number, so <see cref="CourtyardOutline.Of"/> refuses it naming the outline, as the API would.
/// The outline editor's clicks are written into the same text, so the field and the drawing are one outline.
/// </summary>
public static class OutlineText
{
    /// <summary>Six decimals are about 0.1 m: finer than a click on the editor, short enough to read.</summary>
    public const int Decimals = 6;

    public static string Format(IReadOnlyList<MapPoint> outline) =>
        string.Join("; ", outline.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Longitude},{p.Latitude}")));

    /// <summary>Null for an empty field (no outline).</summary>
    public static IReadOnlyList<double[]?>? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : [.. Entries(text).Select(point => point.Split(',', StringSplitOptions.TrimEntries)
                .Select(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN).ToArray())];

    /// <summary>
    /// The field's text as the form keeps it: GeoJSON coordinates pasted in ([[lng, lat], …], or a polygon's
    /// [[[lng, lat], …]], its outer ring) written the field's way with their numbers as given; anything else as typed.
    /// </summary>
    public static string? Read(string? text)
    {
        if (text is null || !text.TrimStart().StartsWith('[')) return text;
        try
        {
            using var json = JsonDocument.Parse(text);
            var ring = json.RootElement;
            if (ring is { ValueKind: JsonValueKind.Array } && ring.GetArrayLength() > 0 && ring[0] is { ValueKind: JsonValueKind.Array } first
                && first.GetArrayLength() > 0 && first[0].ValueKind == JsonValueKind.Array)
                ring = first;
            return ring.ValueKind == JsonValueKind.Array && ring.EnumerateArray().All(IsNumbers)
                ? string.Join("; ", ring.EnumerateArray().Select(p => string.Join(',', p.EnumerateArray().Select(n => n.GetRawText()))))
                : text;
        }
        catch (JsonException)
        {
            return text;
        }

        static bool IsNumbers(JsonElement point) =>
            point.ValueKind == JsonValueKind.Array && point.EnumerateArray().All(n => n.ValueKind == JsonValueKind.Number);
    }

    /// <summary>The points the text holds that can be drawn, in order; what is not a [lng, lat] pair is left out of the drawing, not the text.</summary>
    public static IReadOnlyList<MapPoint> Drawable(string? text) =>
        [.. (Parse(text) ?? []).Where(p => p is [var lng, var lat] && double.IsFinite(lng) && double.IsFinite(lat)).Select(p => new MapPoint(p![0], p[1]))];

    /// <summary>
    /// The text with a clicked point added at the end of the ring: before the closing point of a closed ring (pasted
    /// GeoJSON repeats its first point last), so the ring stays closed around it. What was typed stays as typed.
    /// </summary>
    public static string Add(string? text, MapPoint point)
    {
        var entries = Entries(text);
        entries.Insert(IsClosed(entries) ? entries.Count - 1 : entries.Count, Format([new MapPoint(Math.Round(point.Longitude, Decimals), Math.Round(point.Latitude, Decimals))]));
        return string.Join("; ", entries);
    }

    /// <summary>The text without its last point (of a closed ring, the last before the closing one); null once none is left.</summary>
    public static string? RemoveLast(string? text)
    {
        var entries = Entries(text);
        if (entries.Count == 0) return null;
        entries.RemoveAt(IsClosed(entries) ? entries.Count - 2 : entries.Count - 1);
        return entries.Count == 0 ? null : string.Join("; ", entries);
    }

    private static List<string> Entries(string? text) =>
        [.. (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A ring of at least three entries whose last repeats its first, as the domain reads a closed ring.</summary>
    private static bool IsClosed(List<string> entries) =>
        entries.Count >= 3 && Drawable(entries[0]) is [var first] && Drawable(entries[^1]) is [var last] && first == last;
}
