using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Archive;

/// <summary>
/// A resident identity card number (GB 11643): 17 digits and a check character (0–9 or X) computed from
/// them, kept in upper case so that one number is stored, hashed and found one way.
/// </summary>
public static class IdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The number in its one spelling, or null when none is given; refused naming <paramref name="field"/> otherwise.</summary>
    public static string? Check(string? number, string field = "idNumber")
    {
        var typed = number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(typed)) return null;
        if (typed.Length != Length || typed.AsSpan(0, Length - 1).ContainsAnyExceptInRange('0', '9') || typed[^1] != CheckCharacterOf(typed))
            throw new DomainValidationException("InvalidIdNumber", "The ID number is not 17 digits and a matching check character.", field);
        return typed;
    }

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckCharacterOf(string number)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++) sum += (number[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
