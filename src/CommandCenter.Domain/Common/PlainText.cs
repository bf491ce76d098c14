namespace CommandCenter.Domain.Common;

/// <summary>
/// Text a person typed, checked the one way every channel checks it: trimmed, within its field's
/// limits, and free of control characters (line breaks and tabs aside) and of half surrogate
/// pairs, which no encoding stores. Each field's limits are constants on its own rule
/// (<see cref="Cases.CaseDescription"/>, <see cref="Cases.ReporterName"/>, <see cref="Cases.Case.MaxNoteLength"/>).
/// </summary>
public static class PlainText
{
    /// <summary>The text trimmed; refused, naming <paramref name="field"/>, when blank or outside its limits.</summary>
    public static string Required(string? text, string field, int maxLength, int minLength = 1)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainValidationException("Required", $"{field} is required.", field);
        return Checked(trimmed, field, minLength, maxLength);
    }

    /// <summary>The text trimmed, or null when blank; refused, naming <paramref name="field"/>, when longer than <paramref name="maxLength"/> or not plain.</summary>
    public static string? Optional(string? text, string field, int maxLength)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Checked(trimmed, field, 1, maxLength);
    }

    private static string Checked(string text, string field, int minLength, int maxLength)
    {
        if (text.Length < minLength)
            throw new DomainValidationException("TooShort", $"{field} needs at least {minLength} characters.", field);
        if (text.Length > maxLength)
            throw new DomainValidationException("TooLong", $"{field} is longer than {maxLength} characters.", field);
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') || !IsWellFormed(text))
            throw new DomainValidationException("ControlCharacters", $"{field} contains control characters.", field);
        return text;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
