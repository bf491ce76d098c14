using System.Text.RegularExpressions;

namespace CommandCenter.Domain.Common;

/// <summary>
/// A number the street can call back: a mainland mobile (11 digits from 1) or a landline with its
/// area code (0 and 9 to 11 more digits), typed with spaces, dashes, brackets or a leading +86 as
/// people write them, and kept as the digits alone so that one number is stored one way.
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>The most characters a number may be typed with; what is stored is never longer.</summary>
    public const int MaxLength = 20;

    /// <summary>The digits of <paramref name="phone"/>, or null when none is given; refused naming <paramref name="field"/> otherwise.</summary>
    public static string? Check(string? phone, string field = "reporterPhone")
    {
        var typed = phone?.Trim();
        if (string.IsNullOrEmpty(typed)) return null;
        var digits = Separators().Replace(typed, "");
        // Dialled from abroad a landline's area code drops its 0 (+86 23 …); at home it keeps it (023 …).
        if (digits.StartsWith("+86", StringComparison.Ordinal))
            digits = digits[3..] is [>= '2' and <= '9', ..] area ? "0" + area : digits[3..];
        if (typed.Length > MaxLength || !National().IsMatch(digits))
            throw new DomainValidationException("InvalidPhone", "The phone number is not a mainland mobile number or a landline with its area code.", field);
        return digits;
    }

    [GeneratedRegex(@"[\s()-]")]
    private static partial Regex Separators();

    // [0-9], not \d: \d takes every script's digits, which no phone system dials.
    [GeneratedRegex("^(1[0-9]{10}|0[0-9]{9,11})$")]
    private static partial Regex National();
}
