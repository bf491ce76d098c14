using System.Security.Cryptography;
using System.Text;
using CommandCenter.Domain.Archive;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// Seals the archive's ID and phone numbers (PIPL): encrypted with ASP.NET Core Data Protection, whose
/// keys are kept with the sign-in cookies' (the DataProtectionKeys table, so every server reads them),
/// and hashed with a key of the street's own for lookup by number. That lookup key is itself stored
/// protected by Data Protection, so the database alone opens neither.
/// </summary>
public sealed class PersonalNumberVault(IDataProtectionProvider protection, IDbContextFactory<CommandCenterDbContext> contexts) : INumberSealer
{
    private const string Purpose = "CommandCenter.Archive.PersonalNumbers";
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);
    private readonly IDataProtector _keyProtector = protection.CreateProtector(Purpose + ".LookupKey");
    private byte[]? _lookupKey;

    /// <summary>Loads the lookup key, making it on the first start; the initializer calls it before anything seals.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.PersonalDataKeys.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            stored = new PersonalDataKey { Protected = _keyProtector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))) };
            db.PersonalDataKeys.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
        }
        _lookupKey = Convert.FromBase64String(_keyProtector.Unprotect(stored.Protected));
    }

    public SealedNumber Seal(string number, Func<string, string?> mask) => new(_protector.Protect(number), LookupOf(number), mask(number) ?? "");

    public string Open(string cipher) => _protector.Unprotect(cipher);

    public string LookupOf(string number)
    {
        var key = _lookupKey ?? throw new InvalidOperationException("The personal number vault is not open; DatabaseInitializer opens it.");
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(number)));
    }
}

/// <summary>The lookup key of <see cref="PersonalNumberVault"/>, protected by Data Protection; one row.</summary>
public sealed class PersonalDataKey
{
    public int Id { get; init; }
    public required string Protected { get; init; }
}
