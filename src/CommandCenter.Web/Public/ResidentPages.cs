namespace CommandCenter.Web.Public;

/// <summary>The pages a resident opens from a poster's QR code or an SMS: reporting (/r/{code}) and tracking (/t/{code}).</summary>
public static class ResidentPages
{
    public static bool Contains(PathString path) => path.StartsWithSegments("/r") || path.StartsWithSegments("/t");
}
