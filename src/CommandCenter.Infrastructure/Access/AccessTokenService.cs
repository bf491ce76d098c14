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

    /// <summary>A wall token over one street, or one community of it (its street follows); only within the maker's street.</summary>
    public Task<IssuedToken> CreateDisplayAsync(string name, StreetId? streetId, CommunityId? communityId, Post by, CancellationToken cancellationToken = default)
    {
        RequireManager(by);
        return CreateAsync(AccessTokenKind.Display, name, null, DisplayStreet(streetId, communityId, by), communityId, by, cancellationToken);
    }

    /// <summary>A token acting as one staff member: a street's administrator may make one only for a person of their street.</summary>
    public Task<IssuedToken> CreateStaffAsync(string name, StaffId staffId, Post by, CancellationToken cancellationToken = default)
    {
        RequireManager(by);
        if (directory.StaffMember(staffId) is not { } staff || !InStreetOf(by, staff.StreetId))
            throw new UnknownReferenceException("staffId", staffId.ToString());
        return CreateAsync(AccessTokenKind.Staff, name, staffId, staff.StreetId, null, by, cancellationToken);
    }

    /// <summary>The tokens a post manages: every token for a district-level administrator, else its street's.</summary>
    public async Task<IReadOnlyList<AccessToken>> ListAsync(Post by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = db.AccessTokens.AsNoTracking();
        if (by.StreetId is { } street) tokens = tokens.Where(t => t.StreetId == street);
        return await tokens.OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
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
            // Another street's token is not there for this post: unknown, as an out-of-scope case is.
            var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is { } found && InStreetOf(by, found.StreetId)
                ? found
                : throw new Deadlines.RecordNotFoundException("Token", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

    private async Task<IssuedToken> CreateAsync(
        AccessTokenKind kind, string name, StaffId? staffId, StreetId? streetId, CommunityId? communityId, Post by, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
            throw new Domain.Common.DomainValidationException("TokenName", $"Give the token a name of 1 to {MaxNameLength} characters.", "name");
        var secret = AccessToken.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new AccessToken
        {
            Kind = kind, Name = name, Hash = AccessToken.HashOf(secret), Prefix = secret[..AccessToken.PrefixLength],
            StaffId = staffId, StreetId = streetId, CommunityId = communityId, CreatedAtUtc = now, CreatedBy = by.Name,
        };
        await unitOfWork.WriteAsync(db =>
        {
            db.AccessTokens.Add(token);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.TokenCreated, now, detail: $"{kind} {token.Prefix}… {name}"));
        }, cancellationToken);
        return new IssuedToken(token, secret);
    }

    /// <summary>
    /// A display's street: its community's, else the one asked for, else the maker's own, else the district's only street.
    /// A street or community the maker does not cover is unknown to it.
    /// </summary>
    private StreetId DisplayStreet(StreetId? requested, CommunityId? communityId, Post by)
    {
        if (communityId is { } id)
        {
            if (directory.Community(id) is not { } community || !CaseScope.CoversCommunity(by, community) || requested is { } asked && asked != community.StreetId)
                throw new UnknownReferenceException("communityId", id.ToString());
            return community.StreetId;
        }
        var street = requested ?? by.StreetId ?? OnlyStreet()
            ?? throw new Domain.Common.DomainValidationException("TokenStreet", "Choose the street whose wall the token opens.", "streetId");
        if (directory.Street(street) is null || !CaseScope.CoversStreet(by, street)) throw new UnknownReferenceException("streetId", street.ToString());
        return street;
    }

    private StreetId? OnlyStreet() => directory.Streets.Count == 1 ? directory.Streets.First().Id : null;

    /// <summary>Whether a token or person of <paramref name="street"/> is the post's to manage: a district-level post manages all.</summary>
    private static bool InStreetOf(Post by, StreetId? street) => by.StreetId is null || by.StreetId == street;

    private static void RequireManager(Post by)
    {
        if (!by.Can(Capability.ManageDisplayTokens)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
    }
}
