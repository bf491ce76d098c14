using System.Reflection;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Architecture;

/// <summary>
/// The shape the code must keep (docs/decisions/0004-one-write-path.md): the domain stands on
/// nothing but .NET itself, pages never hold the database, and data changes and case events take
/// one way only. Each rule first proves it can see what it looks for, so it cannot pass by
/// looking at nothing.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Case).Assembly;
    private static readonly Assembly Infrastructure = typeof(CommandCenterDbContext).Assembly;
    private static readonly Assembly Web = typeof(AccessSetup).Assembly;

    [Fact]
    public void TheDomain_ReferencesNoFrameworkOrPackage()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("System.Runtime", references);
        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard", name));
    }

    [Fact]
    public void NothingInWeb_ReferencesTheDatabase()
    {
        // Identity's store (AccountStore) and the data-protection key ring are wired to the context in Infrastructure.
        var database = Infrastructure.GetTypes().Where(typeof(DbContext).IsAssignableFrom).Select(t => t.FullName!)
            .Concat([typeof(DbContext).FullName!, typeof(IDbContextFactory<>).FullName!, typeof(DbSet<>).FullName!])
            .ToHashSet();

        // The reading sees a reference where there is one.
        Assert.Contains(CompiledCode.Of(Infrastructure).ReferencesByType()[typeof(global::CommandCenter.Infrastructure.Access.AccountStore).FullName!], database.Contains);
        var offenders = CompiledCode.Of(Web).ReferencesByType().Where(r => r.Value.Overlaps(database)).Select(r => r.Key);
        Assert.Empty(offenders);
    }

    [Fact]
    public void OnlyTheInterceptor_PublishesCaseEvents()
    {
        var streams = Infrastructure.GetTypes().Where(typeof(ICaseEventStream).IsAssignableFrom).Select(t => t.FullName!).ToHashSet();
        // A stream may hand what it was given on to another (Redis relays to the local stream).
        var allowed = streams.Append(typeof(CaseEventsInterceptor).FullName!).ToHashSet();
        var publishes = new[] { Domain, Infrastructure, Web }.SelectMany(a => CompiledCode.Of(a).Calls())
            .Where(c => c.Callee.Name == nameof(ICaseEventStream.Publish) && streams.Contains(c.Callee.DeclaringType.FullName))
            .ToList();

        Assert.Contains(publishes, c => c.Caller == typeof(CaseEventsInterceptor).FullName);
        Assert.DoesNotContain(publishes, c => !allowed.Contains(c.Caller));
    }

    [Fact]
    public void OnlyTheUnitOfWork_CommitsChanges()
    {
        // The seeders fill an empty database before it serves (the demo archive in bulk, and the archive vault's data key
        // on the first start).
        string[] allowed =
        [
            typeof(UnitOfWork).FullName!,
            typeof(DemoDataSeeder).FullName!, typeof(DeadlineDefaultsSeeder).FullName!, typeof(DecisionRightsProvider).FullName!,
            typeof(Infrastructure.Assessment.Scoring.ScoringDefaultsSeeder).FullName!, typeof(Infrastructure.Archive.PersonalNumberVault).FullName!,
        ];
        var saves = new[] { Infrastructure, Web }.SelectMany(a => CompiledCode.Of(a).Calls())
            .Where(c => c.Callee.Name is nameof(DbContext.SaveChanges) or nameof(DbContext.SaveChangesAsync)
                || c.Callee.Name.StartsWith("BeginTransaction", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(saves, c => c.Caller == typeof(UnitOfWork).FullName);
        Assert.Empty(saves.Select(c => c.Caller).Where(caller => !allowed.Contains(caller)).Distinct());
    }
}
