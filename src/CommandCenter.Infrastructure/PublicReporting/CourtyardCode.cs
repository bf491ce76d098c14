using System.Globalization;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// A courtyard's public code, printed in its QR poster: the street's code and the courtyard's
/// number, e.g. CT0012. Stable for as long as the courtyard exists, so posters never need
/// reprinting; not a secret — a poster is public, and what it opens is a report form.
/// </summary>
public static class CourtyardCode
{
    public static string Of(Street street, Courtyard courtyard) =>
        street.Code + courtyard.Id.Value.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>The resident's report page the QR code opens, relative to the site's address.</summary>
    public static string ReportPath(Street street, Courtyard courtyard) => $"/r/{Of(street, courtyard)}";

    /// <summary>
    /// The courtyard a code names, in the street whose code it starts with, or null for anything else. Only the
    /// printed spelling counts (letters in either case): the parser would also take "CT00001" or a trailing NUL,
    /// and one courtyard must not answer to many addresses.
    /// </summary>
    public static Courtyard? Find(string? code, OrganisationDirectory directory)
    {
        if (code is not { Length: > 0 and <= 16 }) return null;
        var letters = code.TakeWhile(char.IsAsciiLetter).Count();
        return int.TryParse(code.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && directory.Courtyard(new CourtyardId(id)) is { } found && directory.StreetOf(found) is { } street
            && string.Equals(Of(street, found), code, StringComparison.OrdinalIgnoreCase)
                ? found
                : null;
    }
}
