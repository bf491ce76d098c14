using System.Text.RegularExpressions;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Access;

/// <summary>
/// What a user name and a password must be, in one place: the setup, account administration and
/// ASP.NET Core Identity's own options (AccessSetup) all read these.
/// </summary>
public static partial class SignInRules
{
    public const int MaxUserNameLength = 64;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    /// <summary>Letters, digits and . _ - @: what Identity allows by default, so a name typed at the sign-in form is the name stored.</summary>
    public static string UserName(string? userName, string field = "userName")
    {
        var name = PlainText.Required(userName, field, MaxUserNameLength);
        if (!UserNameCharacters().IsMatch(name))
            throw new DomainValidationException("InvalidUserName", "A user name holds Latin letters, digits and . _ - @ only.", field);
        return name;
    }

    /// <summary>10 to 128 characters with an upper-case letter, a lower-case letter and a digit.</summary>
    public static string Password(string? password, string field = "password")
    {
        if (string.IsNullOrEmpty(password))
            throw new DomainValidationException("Required", $"{field} is required.", field);
        if (password.Length is < MinPasswordLength or > MaxPasswordLength
            || !password.Any(char.IsAsciiLetterUpper) || !password.Any(char.IsAsciiLetterLower) || !password.Any(char.IsAsciiDigit))
            throw new DomainValidationException("WeakPassword", $"A password has {MinPasswordLength} to {MaxPasswordLength} characters with an upper-case letter, a lower-case letter and a digit.", field);
        return password;
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex UserNameCharacters();
}
