using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Access;

/// <summary>A token just made: the secret is in hand this once and never stored.</summary>
public sealed record IssuedToken(AccessToken Token, string Secret);

/// <summary>Creates, lists, revokes and resolves bearer tokens; creating and revoking are audited.</summary>
public sealed class AccessTokenService(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, OrganisationDirectory directory, TimeProvider clock)
{
    public const int MaxNameLength = 64;

    private readonly ActiveTokenCache _active = new(clock);

    /// <summary>Raised after a revocation is saved, with the token's id: open connections using it are closed.</summary>
    public event Action<int>? Revoked;

    public Task<IssuedToken> CreateDisplayAsync(string name, CommunityId? communityId, Post by, CancellationToken cancellationToken = default)
    {
        if (communityId is { } id && directory.Community(id) is null) throw new UnknownReferenceException("communityId", id.ToString());
        return CreateAsync(AccessTokenKind.Display, name, null, communityId, by, cancellationToken);
    }

    public Task<IssuedToken> CreateStaffAsync(string name, StaffId staffId, Post by, CancellationToken cancellationToken = default)
    {
        if (directory.StaffMember(staffId) is null) throw new UnknownReferenceException("staffId", staffId.ToString());
        return CreateAsync(AccessTokenKind.Staff, name, staffId, null, by, cancellationToken);
    }

    public async Task<IReadOnlyList<AccessToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AccessTokens.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Revokes at once on this server: the next request, hub call or circuit revalidation with it
    /// is refused. Other servers refuse bearer requests with it within <see cref="ActiveTokenCache.Lifetime"/>.
    /// </summary>
    public async Task RevokeAsync(int id, Post by, CancellationToken cancellationToken = default)
    {
        RequireManager(by);
        var revoked = await unitOfWork.WriteAsync(async db =>
        {
            var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
                ?? throw new Deadlines.RecordNotFoundException("Token", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!token.IsActive) return null;
            var now = clock.GetUtcNow().UtcDateTime;
            token.RevokedAtUtc = now;
            token.RevokedBy = by.Name;
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.TokenRevoked, now, detail: $"{token.Kind} {token.Prefix}… {token.Name}"));
            return token;
        }, cancellationToken);
        if (revoked is null) return;
        _active.Evict(revoked.Hash);
        Revoked?.Invoke(id);
    }

    /// <summary>
    /// The active token with this secret, or null: unknown and revoked tokens are alike to a caller.
    /// Every bearer request asks, so an active token is answered from memory for a few seconds.
    /// </summary>
    public async Task<AccessToken?> FindActiveAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200) return null;
        var hash = AccessToken.HashOf(secret);
        if (_active.Find(hash) is { } cached) return cached;
        var revision = _active.Revision;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAtUtc == null, cancellationToken);
        if (token is not null) _active.Add(token, revision);
        return token;
    }

    public async Task<bool> IsActiveAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AccessTokens.AnyAsync(t => t.Id == id && t.RevokedAtUtc == null, cancellationToken);
    }

    private async Task<IssuedToken> CreateAsync(AccessTokenKind kind, string name, StaffId? staffId, CommunityId? communityId, Post by, CancellationToken cancellationToken)
    {
        RequireManager(by);
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
            throw new Domain.Common.DomainValidationException("TokenName", $"Give the token a name of 1 to {MaxNameLength} characters.", "name");
        var secret = AccessToken.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new AccessToken
        {
            Kind = kind, Name = name, Hash = AccessToken.HashOf(secret), Prefix = secret[..AccessToken.PrefixLength],
            StaffId = staffId, CommunityId = communityId, CreatedAtUtc = now, CreatedBy = by.Name,
        };
        await unitOfWork.WriteAsync(db =>
        {
            db.AccessTokens.Add(token);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.TokenCreated, now, detail: $"{kind} {token.Prefix}… {name}"));
        }, cancellationToken);
        return new IssuedToken(token, secret);
    }

    private static void RequireManager(Post by)
    {
        if (!by.Can(Capability.ManageDisplayTokens)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
    }
}
