using System.Security.Cryptography;
using System.Text;
using CommandCenter.Domain.Archive;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// Seals the archive's ID and phone numbers (PIPL) with envelope encryption: a data key of the street's
/// own encrypts each number (AES-256-GCM, a fresh nonce each time) and keys the lookup hash (HMAC-SHA256);
/// that data key is stored only protected by ASP.NET Core Data Protection, whose key ring is the sign-in
/// cookies' (the DataProtectionKeys table, read by every server). Data Protection itself derives a key per
/// call, too slow for the 150,000 numbers of a street's archive; the envelope costs it once per start.
/// </summary>
public sealed class PersonalNumberVault(IDataProtectionProvider protection, IDbContextFactory<CommandCenterDbContext> contexts) : INumberSealer
{
    private const int KeySize = 32, NonceSize = 12, TagSize = 16;
    private readonly IDataProtector _keyProtector = protection.CreateProtector("CommandCenter.Archive.PersonalNumbers.DataKey");
    private byte[]? _dataKey;
    // One cipher for the process; AesGcm is not thread-safe, and a seal takes microseconds, so a lock costs nothing.
    private AesGcm? _aes;
    private readonly Lock _aesLock = new();

    /// <summary>Opens the data key, making it on the first start; the initializer calls it before anything seals.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.PersonalDataKeys.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            stored = new PersonalDataKey { Protected = Convert.ToBase64String(_keyProtector.Protect(RandomNumberGenerator.GetBytes(2 * KeySize))) };
            db.PersonalDataKeys.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
        }
        _dataKey = _keyProtector.Unprotect(Convert.FromBase64String(stored.Protected));
        _aes = new AesGcm(_dataKey.AsSpan(0, KeySize), TagSize);
    }

    public SealedNumber Seal(string number, Func<string, string?> mask)
    {
        var plain = Encoding.UTF8.GetBytes(number);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        lock (_aesLock) Aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return new SealedNumber(Convert.ToBase64String(sealedBytes), LookupOf(number), mask(number) ?? "");
    }

    public string Open(string cipher)
    {
        var sealedBytes = Convert.FromBase64String(cipher);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        lock (_aesLock) Aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    public string LookupOf(string number) => Convert.ToHexString(HMACSHA256.HashData(DataKey.AsSpan(KeySize), Encoding.UTF8.GetBytes(number)));

    private AesGcm Aes => _aes ?? throw new InvalidOperationException("The personal number vault is not open; DatabaseInitializer opens it.");

    private byte[] DataKey => _dataKey ?? throw new InvalidOperationException("The personal number vault is not open; DatabaseInitializer opens it.");
}

/// <summary>The data key of <see cref="PersonalNumberVault"/>, protected by Data Protection; one row.</summary>
public sealed class PersonalDataKey
{
    public int Id { get; init; }
    public required string Protected { get; init; }
}
