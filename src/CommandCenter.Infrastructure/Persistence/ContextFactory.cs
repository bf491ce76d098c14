using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>Hands out the configured provider's context as the common base type.</summary>
internal sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CommandCenterDbContext>
    where TContext : CommandCenterDbContext
{
    public CommandCenterDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<CommandCenterDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
