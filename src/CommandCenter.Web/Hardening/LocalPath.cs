namespace CommandCenter.Web.Hardening;

/// <summary>
/// Where a "return to" parameter may send a browser: a path on this site only. An open
/// redirect would let a link send a fresh sign-in elsewhere; a control character would make
/// the redirect itself fail.
/// </summary>
public static class LocalPath
{
    public static string? OrNull(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && (path.Length == 1 || path[1] is not ('/' or '\\'))
        && !path.Any(c => char.IsControl(c) || c == '\\')
            ? path
            : null;
}
