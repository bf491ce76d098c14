using System.Globalization;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Components.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// A courtyard's outline drawn by clicking on a small map of its neighbourhood, through the wall map's projection; the
/// street's other courtyards dimmed around it. The outline lives in one text, the field under the map: a click adds a
/// point to it, typing or pasting redraws it, and the domain's refusal of it is said under the field as it changes.
/// </summary>
public sealed partial class OutlineEditor
{
    // One view-box unit a CSS pixel (the SVG is drawn at this size), so a click's offset is a point of the projection.
    public const double Width = 640;
    public const double Height = 400;

    /// <summary>Degrees of latitude over the map's height, nearest first: 0.01° is about 1.1 km, a courtyard and its neighbours.</summary>
    public static readonly double[] Spans = [0.0025, 0.005, 0.01, 0.02, 0.05, 0.1];
    private const int FirstSpan = 2;

    private const double MetresPerDegreeLatitude = 111_195;
    private static readonly int[] ScaleLengths = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
    private const double ScaleMaxUnits = 160;

    private MapPoint? _centre;
    private int _span = FirstSpan;
    private bool _placing;
    private string? _refusal;

    /// <summary>The street's other courtyards, drawn dimmed so the outline is drawn among its neighbours.</summary>
    [Parameter, EditorRequired] public required IReadOnlyCollection<Courtyard> Others { get; set; }

    /// <summary>The courtyard's map point as the form holds it; null until both latitude and longitude are given.</summary>
    [Parameter] public MapPoint? Point { get; set; }

    [Parameter] public EventCallback<MapPoint> PointChanged { get; set; }
    [Parameter] public string? Outline { get; set; }
    [Parameter] public EventCallback<string?> OutlineChanged { get; set; }

    private MapProjection Projection => _centre is { } centre ? MapProjection.Around(centre, Spans[_span], Width, Height) : MapProjection.Empty;

    protected override void OnParametersSet()
    {
        if (_centre is null)
            Frame();
        else if (Point is { } point && !InView(point))
            _centre = point;
        _refusal = Refusal();
    }

    /// <summary>
    /// The first view: around the map point (else the street's middle); an outline already drawn in the middle half
    /// of the map, large enough to correct, and none at <see cref="FirstSpan"/>, where the neighbours show.
    /// </summary>
    private void Frame()
    {
        _centre = Point ?? (Others.Count == 0 ? null : new MapPoint(Others.Average(c => c.Longitude), Others.Average(c => c.Latitude)));
        var drawn = OutlineText.Drawable(Outline);
        if (drawn.Count == 0)
        {
            _span = FirstSpan;
            return;
        }
        _span = 0;
        while (_span < Spans.Length - 1 && !drawn.All(p => InView(p, inset: 0.25))) _span++;
    }

    /// <param name="inset">The share of the map's width and height kept clear on each side.</param>
    private bool InView(MapPoint point, double inset = 0)
    {
        var (x, y) = Projection.Project(point);
        return x >= inset * Width && x <= (1 - inset) * Width && y >= inset * Height && y <= (1 - inset) * Height;
    }

    /// <summary>The domain's sentence for the outline as it stands, checked against the map point as the save would check it.</summary>
    private string? Refusal()
    {
        if (Point is not { } point) return null;
        try
        {
            CourtyardOutline.Of(OutlineText.Parse(Outline), point.Latitude, point.Longitude);
            return null;
        }
        catch (DomainValidationException e) when (UserMessages.TryDescribe(L, e, out var sentence))
        {
            return sentence;
        }
    }

    private async Task ClickAsync(MouseEventArgs click)
    {
        if (_centre is null) return;
        var point = Projection.Unproject(click.OffsetX, click.OffsetY);
        if (_placing)
        {
            // One click moves the point; the next ones draw again, so a stray click cannot move it twice.
            _placing = false;
            await PointChanged.InvokeAsync(new MapPoint(Math.Round(point.Longitude, OutlineText.Decimals), Math.Round(point.Latitude, OutlineText.Decimals)));
        }
        else
        {
            await OutlineChanged.InvokeAsync(OutlineText.Add(Outline, point));
        }
    }

    private Task TypedAsync(string? text) => OutlineChanged.InvokeAsync(OutlineText.Read(text));

    private Task UndoAsync() => OutlineChanged.InvokeAsync(OutlineText.RemoveLast(Outline));

    private Task ClearAsync() => OutlineChanged.InvokeAsync(null);

    private void Zoom(int step) => _span = Math.Clamp(_span + step, 0, Spans.Length - 1);

    private string Polygon(IEnumerable<MapPoint> points) => string.Join(' ', points.Select(Projection.Project).Select(p => $"{F(p.X)},{F(p.Y)}"));

    /// <summary>The box every outline point must lie in (<see cref="CourtyardOutline.MaxReachDegrees"/> each way of the map point).</summary>
    private (double X, double Y, double Width, double Height) Reach(MapPoint point)
    {
        var reach = CourtyardOutline.MaxReachDegrees;
        var (left, top) = Projection.Project(new MapPoint(point.Longitude - reach, point.Latitude + reach));
        var (right, bottom) = Projection.Project(new MapPoint(point.Longitude + reach, point.Latitude - reach));
        return (left, top, right - left, bottom - top);
    }

    /// <summary>A scale bar of a round number of metres, as long as fits in <see cref="ScaleMaxUnits"/>.</summary>
    private (int Metres, double Units) Scale()
    {
        var unitsPerMetre = Projection.UnitsPerDegreeLatitude / MetresPerDegreeLatitude;
        var metres = ScaleLengths.LastOrDefault(m => m * unitsPerMetre <= ScaleMaxUnits, ScaleLengths[0]);
        return (metres, metres * unitsPerMetre);
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
