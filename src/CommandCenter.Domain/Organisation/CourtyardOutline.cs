using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

/// <summary>A point on the map, longitude first; written [longitude, latitude] as GeoJSON writes a position.</summary>
[JsonConverter(typeof(MapPointJsonConverter))]
public readonly record struct MapPoint(double Longitude, double Latitude);

/// <summary>Writes a point as GeoJSON does, and reads it back; what comes in from a caller is checked by <see cref="CourtyardOutline.Of"/>.</summary>
public sealed class MapPointJsonConverter : JsonConverter<MapPoint>
{
    public override MapPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<double[]>(ref reader, options) is [var longitude, var latitude]
            ? new MapPoint(longitude, latitude)
            : throw new JsonException("A map point is [longitude, latitude].");

    public override void Write(Utf8JsonWriter writer, MapPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Longitude);
        writer.WriteNumberValue(value.Latitude);
        writer.WriteEndArray();
    }
}

/// <summary>
/// A courtyard's shape on the wall's map: a ring of <see cref="MinPoints"/> to <see cref="MaxPoints"/> points around
/// its map point, stored open (the last point joins the first). Drawn, not measured, so a ring that crosses itself
/// is taken as drawn.
/// </summary>
public static class CourtyardOutline
{
    public const int MinPoints = 3;
    public const int MaxPoints = 200;
    /// <summary>About 5 km: a point farther from the courtyard's own is a slip of the hand, not its shape.</summary>
    public const double MaxReachDegrees = 0.05;

    /// <summary>
    /// The outline as written — GeoJSON-like [lng, lat] pairs, closed (last = first) or not — checked against the
    /// courtyard's map point; null stays null (no outline).
    /// </summary>
    public static IReadOnlyList<MapPoint>? Of(IReadOnlyList<double[]?>? points, double latitude, double longitude)
    {
        if (points is null) return null;
        var ring = new List<MapPoint>(points.Count);
        foreach (var pair in points)
        {
            if (pair is not { Length: 2 } || !double.IsFinite(pair[0]) || !double.IsFinite(pair[1]))
                throw Invalid("OutlinePointInvalid", "Each outline point is a pair [longitude, latitude].");
            if (Math.Abs(pair[0] - longitude) > MaxReachDegrees || Math.Abs(pair[1] - latitude) > MaxReachDegrees)
                throw Invalid("OutlineOutOfReach", $"Every outline point lies within {MaxReachDegrees}° of the courtyard's map point.");
            ring.Add(new MapPoint(pair[0], pair[1]));
        }
        if (ring.Count > 1 && ring[0] == ring[^1]) ring.RemoveAt(ring.Count - 1);
        if (ring.Count is < MinPoints or > MaxPoints)
            throw Invalid("OutlinePointCount", $"An outline has {MinPoints} to {MaxPoints} points.");
        return ring;
    }

    /// <summary>Stored as "lng,lat;lng,lat;…", invariant and round-tripping.</summary>
    public static string Format(IReadOnlyList<MapPoint> ring) =>
        string.Join(';', ring.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Longitude:R},{p.Latitude:R}")));

    public static IReadOnlyList<MapPoint> Parse(string stored) =>
        [.. stored.Split(';').Select(p => p.Split(',')).Select(p =>
            new MapPoint(double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    private static DomainValidationException Invalid(string code, string message) => new(code, message, "outline");
}
