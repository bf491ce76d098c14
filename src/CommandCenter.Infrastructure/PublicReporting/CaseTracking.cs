using System.Security.Cryptography;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// The code that lets a resident follow one case without an account. Random, 60 bits, in an
/// alphabet with no look-alike characters so it can be read out over the phone.
/// </summary>
public sealed class CaseTracking
{
    public const int Length = 12;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public required string Code { get; init; }
    public Guid CaseId { get; init; }
    /// <summary>
    /// A code handed to someone who reported the same problem, to follow it: it shows the
    /// public timeline but is not the reporter's, so it neither rates the case nor opens its photos.
    /// </summary>
    public bool IsFollower { get; init; }

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether a string could be a tracking code at all; anything else is refused unread.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(Alphabet.Contains);
}
