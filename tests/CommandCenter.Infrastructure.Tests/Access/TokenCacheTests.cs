using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Access;

/// <summary>Tokens are answered from memory for a few seconds, but a revocation is never outlived on its own server.</summary>
public sealed class TokenCacheTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FindActive_RevokedOnThisServer_RefusedAtOnce()
    {
        var tokens = _database.Service<AccessTokenService>();
        var issued = await tokens.CreateDisplayAsync("wall", null, null, TestDatabase.Everyone);
        Assert.NotNull(await tokens.FindActiveAsync(issued.Secret));

        await tokens.RevokeAsync(issued.Token.Id, TestDatabase.Everyone);

        Assert.Null(await tokens.FindActiveAsync(issued.Secret));
    }

    [Fact]
    public async Task FindActive_RevokedOnAnotherServer_RefusedOnceTheCacheLifetimeHasPassed()
    {
        var here = _database.Service<AccessTokenService>();
        var contexts = _database.Service<IDbContextFactory<CommandCenterDbContext>>();
        var elsewhere = new AccessTokenService(contexts, new UnitOfWork(contexts, new WriteGate(serialise: true)), _database.Directory, _database.Clock);
        var issued = await here.CreateDisplayAsync("wall", null, null, TestDatabase.Everyone);
        Assert.NotNull(await here.FindActiveAsync(issued.Secret));

        await elsewhere.RevokeAsync(issued.Token.Id, TestDatabase.Everyone);
        Assert.NotNull(await here.FindActiveAsync(issued.Secret));
        _database.Clock.Advance(ActiveTokenCache.Lifetime);

        Assert.Null(await here.FindActiveAsync(issued.Secret));
    }
}
