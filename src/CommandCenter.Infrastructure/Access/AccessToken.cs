using System.Security.Cryptography;
using System.Text;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Access;

public enum AccessTokenKind
{
    /// <summary>A read-only wall player over the street or one community.</summary>
    Display,
    /// <summary>Another system or a mobile app acting as one staff member through the API and hub.</summary>
    Staff,
}

/// <summary>
/// A bearer token created by an administrator. Only its SHA-256 is stored: the token itself is
/// shown once, when it is made. Revoked, never deleted, so the audit keeps what it did.
/// </summary>
public sealed class AccessToken
{
    public const int PrefixLength = 8;

    public int Id { get; set; }
    public AccessTokenKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    /// <summary>The token's first characters, so a person can tell tokens apart in a list.</summary>
    public required string Prefix { get; set; }
    public StaffId? StaffId { get; set; }
    public CommunityId? CommunityId { get; set; }
    /// <summary>
    /// The street the token belongs to: a display's wall and hub groups, a staff token's person's street (null for a
    /// district-level person). Only that street's administrator lists and revokes it.
    /// </summary>
    public StreetId? StreetId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsActive => RevokedAtUtc is null;

    public static string NewSecret() => "cc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
