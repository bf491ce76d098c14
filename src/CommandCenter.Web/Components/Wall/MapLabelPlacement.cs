namespace CommandCenter.Web.Components.Wall;

/// <summary>A place on the map that wants its name shown: its centre, the radius of its mark, and how much it matters now.</summary>
public sealed record MapLabelRequest(int Key, string Text, double X, double Y, double MarkRadius, int Priority);

/// <summary>A label given a place: the centre of its box (the text is drawn centred on it) and the box's size.</summary>
public sealed record MapLabel(int Key, string Text, double X, double Y, double Width, double Height)
{
    public bool Overlaps(MapLabel other, double gap) =>
        Math.Abs(X - other.X) * 2 < Width + other.Width + 2 * gap && Math.Abs(Y - other.Y) * 2 < Height + other.Height + 2 * gap;

    public bool Inside(double width, double height) =>
        X - Width / 2 >= 0 && X + Width / 2 <= width && Y - Height / 2 >= 0 && Y + Height / 2 <= height;
}

/// <summary>
/// Greedy label placement for the wall's map: the places that matter most (more overdue, then more
/// open cases) are labelled first, each below, above, right or left of its mark, whichever is free;
/// a label that fits nowhere without touching one already placed, or the map's edge, is not drawn.
/// Widths are estimated from the text (a CJK character is one em, anything else about 0.6 em) on
/// the generous side, so the boxes the browser draws are no larger than the ones checked here.
/// </summary>
public static class MapLabelPlacement
{
    // A CJK font's glyph box is taller than its em (ascent and descent): the box checked is too.
    private const double LineHeight = 1.5;
    private const double Gap = 4;

    public static IReadOnlyList<MapLabel> Place(IEnumerable<MapLabelRequest> requests, double fontSize, double width, double height)
    {
        var placed = new List<MapLabel>();
        foreach (var request in requests.OrderByDescending(r => r.Priority).ThenBy(r => r.Key))
        {
            var (w, h) = (TextWidth(request.Text) * fontSize, LineHeight * fontSize);
            var chosen = Candidates(request, w, h).FirstOrDefault(c => c.Inside(width, height) && !placed.Any(p => p.Overlaps(c, Gap)));
            if (chosen is not null) placed.Add(chosen);
        }
        return placed;
    }

    /// <summary>The text's width in ems.</summary>
    public static double TextWidth(string text) => text.Sum(c => c >= '\u2E80' ? 1.0 : 0.62);

    private static IEnumerable<MapLabel> Candidates(MapLabelRequest r, double w, double h)
    {
        var offset = r.MarkRadius + Gap;
        yield return new(r.Key, r.Text, r.X, r.Y + offset + h / 2, w, h);
        yield return new(r.Key, r.Text, r.X, r.Y - offset - h / 2, w, h);
        yield return new(r.Key, r.Text, r.X + offset + w / 2, r.Y, w, h);
        yield return new(r.Key, r.Text, r.X - offset - w / 2, r.Y, w, h);
    }
}
