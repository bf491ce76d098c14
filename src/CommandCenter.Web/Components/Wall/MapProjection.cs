using CommandCenter.Domain.Organisation;

namespace CommandCenter.Web.Components.Wall;

/// <summary>
/// Longitude and latitude onto an SVG view box and back, equirectangular: x grows east and y south, each axis at its
/// own scale from one origin. The wall's map and the places form's outline editor both draw through it, so a point
/// clicked in the editor is the point the wall draws. No map tiles: the street's own coordinates are all there is.
/// </summary>
public sealed record MapProjection(MapPoint Origin, double OriginX, double OriginY, double UnitsPerDegreeLongitude, double UnitsPerDegreeLatitude)
{
    /// <summary>Nothing to draw: every point lands on the view box's corner.</summary>
    public static readonly MapProjection Empty = new(default, 0, 0, 0, 0);

    public (double X, double Y) Project(MapPoint point) =>
        (OriginX + (point.Longitude - Origin.Longitude) * UnitsPerDegreeLongitude,
         OriginY - (point.Latitude - Origin.Latitude) * UnitsPerDegreeLatitude);

    /// <summary>The point drawn at (<paramref name="x"/>, <paramref name="y"/>): where a click lands.</summary>
    public MapPoint Unproject(double x, double y) =>
        new(Origin.Longitude + (x - OriginX) / UnitsPerDegreeLongitude, Origin.Latitude - (y - OriginY) / UnitsPerDegreeLatitude);

    /// <summary>
    /// The wall's: the points' bounding box at the largest one scale that fits the view box inside a margin, centred, a
    /// degree of longitude shortened by the cosine of the middle latitude — so a courtyard drawn square on the editor's
    /// map is square on the wall, and the wall's distances are the street's. A street narrower than the box leaves
    /// the sides empty rather than stretching its shapes.
    /// </summary>
    public static MapProjection Fit(IReadOnlyCollection<MapPoint> points, double width, double height, double margin)
    {
        if (points.Count == 0) return Empty;
        var (minLat, maxLat) = (points.Min(p => p.Latitude), points.Max(p => p.Latitude));
        var (minLng, maxLng) = (points.Min(p => p.Longitude), points.Max(p => p.Longitude));
        var shortening = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var (spanX, spanY) = (Math.Max((maxLng - minLng) * shortening, 1e-9), Math.Max(maxLat - minLat, 1e-9));
        var perDegreeLatitude = Math.Min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
        return new MapProjection(new MapPoint(minLng, maxLat),
            (width - spanX * perDegreeLatitude) / 2, (height - spanY * perDegreeLatitude) / 2,
            perDegreeLatitude * shortening, perDegreeLatitude);
    }

    /// <summary>
    /// The editor's: <paramref name="centre"/> in the middle and <paramref name="spanLatitude"/> degrees of latitude
    /// over the height, a degree of longitude shortened by the cosine of the latitude so a courtyard keeps its shape.
    /// </summary>
    public static MapProjection Around(MapPoint centre, double spanLatitude, double width, double height)
    {
        var perDegreeLatitude = height / spanLatitude;
        return new MapProjection(centre, width / 2, height / 2, perDegreeLatitude * Math.Cos(centre.Latitude * Math.PI / 180), perDegreeLatitude);
    }
}
