using System.Text.RegularExpressions;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// Checks what a resident types. Pages encode whatever they show, so this is not the XSS
/// defence; it refuses what no honest report contains — markup, control characters, text
/// mangled by a wrong encoding, and the very long — so none of it is stored.
/// </summary>
public static partial class PublicText
{
    public const int DescriptionMin = 5;
    public const int DescriptionMax = 500;
    public const int NameMax = 20;
    public const int CommentMax = 200;

    /// <summary>The text trimmed, or a refusal naming the field.</summary>
    public static string? Check(string? text, string field, int min, int max)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0 && min == 0) return null;
        if (value.Length < min) throw Refused("TooShort", field, $"{field} needs at least {min} characters.");
        if (value.Length > max) throw Refused("TooLong", field, $"{field} may have at most {max} characters.");
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') || value.Any(char.IsSurrogate) && !IsWellFormedUtf16(value))
            throw Refused("ControlCharacters", field, $"{field} contains control characters.");
        if (value.Contains('\uFFFD')) throw Refused("WrongEncoding", field, $"{field} was sent in a wrong text encoding.");
        if (Markup().IsMatch(value)) throw Refused("Markup", field, $"{field} contains markup or script.");
        return value;
    }

    /// <summary>A mainland mobile (11 digits from 1) or a landline with area code; spaces and dashes allowed.</summary>
    public static string? CheckPhone(string? phone)
    {
        var value = phone?.Trim() ?? "";
        if (value.Length == 0) return null;
        var digits = value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length > 16 || !Phone().IsMatch(digits)) throw Refused("InvalidPhone", "phone", "The phone number is not a mobile or landline number.");
        return digits;
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return false;
        }
        return true;
    }

    private static PublicReportRefusedException Refused(string code, string field, string message) => new(code, field, message);

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

    [GeneratedRegex(@"^(1\d{10}|0\d{9,11})$")]
    private static partial Regex Phone();
}
