using System.Diagnostics;
using System.Security.Cryptography;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Setup;

/// <summary>
/// A database with no street is set up once: the district, the street and the first administrator
/// with a sign-in, in one write. Until then only the setup is open (the web gate asks <see cref="IsNeededAsync"/>).
/// The setup page and API need the code this server printed to its log on start, so only someone
/// who can read the server's log opens the street; the command line, run on the server, needs none.
/// </summary>
public sealed class FirstStart(
    UnitOfWork unitOfWork, IDbContextFactory<CommandCenterDbContext> contexts, OrganisationDirectory directory, TimeProvider clock, ILogger<FirstStart> logger)
{
    /// <summary>How often a server still waiting asks the database whether another server finished the setup.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private volatile bool _done;
    private string _code = "";
    private long _checkedAt;

    /// <summary>The code the setup page asks for; empty once the street exists.</summary>
    public string Code => _done ? "" : _code;

    /// <summary>On start, after migrating: whether the street exists; if not, a new setup code, told in the log.</summary>
    public async Task CheckAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        _done = await db.Streets.AnyAsync(cancellationToken);
        _checkedAt = Stopwatch.GetTimestamp();
        if (_done) return;
        _code = NewCode();
        logger.LogWarning(
            "First start: this database has no street yet. Open /setup and enter the setup code {SetupCode}, "
            + "or run `dotnet CommandCenter.Web.dll setup --admin NAME --phone PHONE --district DISTRICT --street STREET --code CODE` on the server.",
            _code);
    }

    /// <summary>Whether the street still waits for its setup; asks the database again now and then, since another server may have done it.</summary>
    public async ValueTask<bool> IsNeededAsync(CancellationToken cancellationToken = default)
    {
        if (_done) return false;
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _checkedAt)) < Recheck) return true;
        Interlocked.Exchange(ref _checkedAt, Stopwatch.GetTimestamp());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Streets.AnyAsync(cancellationToken)) return true;
        await directory.LoadAsync(db, cancellationToken);
        _done = true;
        return false;
    }

    /// <summary>
    /// Opens the street. <paramref name="code"/> is the one from the log (the page and the API); null
    /// from the command line. Refused when the street exists already, for a wrong code, or for input
    /// the domain refuses — and then nothing is stored.
    /// </summary>
    public async Task<SetupResult> CompleteAsync(SetupInput input, string? code, ActSource source, CancellationToken cancellationToken = default)
    {
        var result = await unitOfWork.WriteAsync(async db =>
        {
            if (await db.Streets.AnyAsync(cancellationToken)) throw new SetupRefusedException(SetupRefusal.AlreadyDone);
            if (code is not null && !CodeMatches(code)) throw new SetupRefusedException(SetupRefusal.WrongCode);
            var setup = FirstSetup.Of(input.DistrictName, input.StreetName, input.StreetCode, input.AdminName, input.AdminPhone);
            var userName = SignInRules.UserName(input.UserName);
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == UserAccounts.Normalized(userName), cancellationToken))
                throw new DomainValidationException("UserNameTaken", "Another account has this user name.", "userName");

            var district = setup.District(DistrictId.From((await db.Districts.OrderByDescending(d => d.Id).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1));
            var street = setup.Street(StreetId.From((await db.Streets.OrderByDescending(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1), district.Id);
            var admin = setup.Administrator(StaffId.From((await db.Staff.OrderByDescending(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1));
            var account = UserAccounts.New(userName, input.Password, admin.Id);
            db.Districts.Add(district);
            db.Streets.Add(street);
            db.Staff.Add(admin);
            db.Users.Add(account);
            // A street takes reports from its first day: it starts from the standard taxonomy and edits it, rather than typing it in.
            IReadOnlyList<Category> taxonomy = await db.Categories.AnyAsync(cancellationToken) ? [] : StandardTaxonomy.Categories();
            db.Categories.AddRange(taxonomy);
            db.AuditEntries.Add(AuditLog.EntryOf(Post.Of(admin, admin.MainPost, null, [], source), AuditActions.SetupCompleted, clock.GetUtcNow().UtcDateTime,
                detail: $"{district.Name} {street.Name} ({street.Code}), administrator {account.UserName}, {taxonomy.Count} categories of the standard taxonomy"));
            return new SetupResult(street.Id, street.Code, admin.Id, account.UserName!);
        }, cancellationToken, afterCommit: db => directory.LoadAsync(db, cancellationToken));
        _done = true;
        logger.LogInformation("Setup done: street {StreetCode} opened, administrator {UserName}", result.StreetCode, result.UserName);
        return result;
    }

    /// <summary>Typed with or without its dashes, in either case; compared in constant time (hashes of equal length).</summary>
    private bool CodeMatches(string typed) =>
        _code.Length > 0 && CryptographicOperations.FixedTimeEquals(Digest(typed), Digest(_code));

    private static byte[] Digest(string code) =>
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code.Trim().Replace("-", "", StringComparison.Ordinal).ToUpperInvariant()));

    /// <summary>Twelve characters in three groups, without the letters and digits people confuse (0/O, 1/I).</summary>
    private static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(CodeAlphabet, 12);
        return $"{new string(chars[..4])}-{new string(chars[4..8])}-{new string(chars[8..])}";
    }
}

/// <summary>What the setup form, the API and the command line give.</summary>
public sealed record SetupInput(
    string? DistrictName, string? StreetName, string? StreetCode, string? AdminName, string? AdminPhone, string? UserName, string? Password);

public sealed record SetupResult(StreetId StreetId, string StreetCode, StaffId AdministratorId, string UserName);

public enum SetupRefusal
{
    /// <summary>The street exists: the setup is done once.</summary>
    AlreadyDone,
    /// <summary>Not the code this server printed to its log.</summary>
    WrongCode,
}

public sealed class SetupRefusedException(SetupRefusal refusal) : Exception($"Setup refused: {refusal}.")
{
    public SetupRefusal Refusal { get; } = refusal;
}
