using System.Text.RegularExpressions;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// What only a public form refuses, on top of the domain's rule for each field (length, control
/// characters, phone numbers: <see cref="Domain.Cases.CaseDescription"/> and its kin): text mangled
/// by a wrong encoding, and markup. Pages encode whatever they show, so this is not the XSS
/// defence; it keeps what no honest report contains from being stored at all.
/// </summary>
public static partial class PublicText
{
    /// <summary><paramref name="text"/>, already checked by its field's domain rule; refused naming <paramref name="field"/> if garbled or marked up.</summary>
    public static string? Screen(string? text, string field)
    {
        if (text is null) return null;
        if (text.Contains('\uFFFD')) throw new PublicReportRefusedException("WrongEncoding", field, $"{field} was sent in a wrong text encoding.");
        if (Markup().IsMatch(text)) throw new PublicReportRefusedException("Markup", field, $"{field} contains markup or script.");
        return text;
    }

    // Markup, not a comparison: a closing tag (</div), a comment or declaration (<!--, <?xml), a
    // dangerous element whether closed or not (<script, <img…), any tag closed or with an attribute
    // (<b>, <a href=…), a script URL, or an event handler (onerror=). "a<b 时", "3 < 5" and "<50cm" pass.
    [GeneratedRegex("""
        <\s*/\s*[a-z]
        | <\s*[!?]
        | <\s*(script|iframe|img|image|svg|math|object|embed|applet|style|link|meta|base|form|input|button|textarea|select|body|html|frame|frameset|video|audio|source|details|marquee|template)\b
        | <[a-z][a-z0-9-]*(\s+[a-z_:][-a-z0-9_:.]*\s*(=|/?>)|\s*/?>)
        | (javascript|vbscript)\s*:
        | (^|[\s"'/;])on[a-z]{3,}\s*=
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Markup();
}
