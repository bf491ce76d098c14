using System.Diagnostics;
using CommandCenter.Domain.Archive;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommandCenter.Infrastructure.Tests.Archive;

/// <summary>The demo street's full archive: its size, its owners' shapes, and how long it takes to load.</summary>
public sealed class DemoArchiveTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheFullArchive_HasTheStreetsHomesResidentsAndOwnerShapes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stopwatch = Stopwatch.StartNew();
        await using (var db = database.NewContext())
            await database.Seeder.SeedArchiveAsync(db, Infrastructure.DemoData.DemoStreet.Build(), 100);
        output.WriteLine($"archive seeded in {stopwatch.Elapsed.TotalSeconds:F1} s");
        // Measured, not asserted: the figure depends on the machine's load (see README); a quiet machine takes a few seconds.

        await using var read = database.NewContext();
        var homes = await read.Homes.CountAsync();
        var residents = await read.Residents.CountAsync();
        output.WriteLine($"{homes} homes, {residents} residents, {await read.Owners.CountAsync()} owners, {await read.Ownerships.CountAsync()} ownerships");
        Assert.Equal(49_800, homes);
        Assert.InRange(residents, 70_000, 85_000);
        var developerUnits = await read.Ownerships.Join(read.Owners.Where(o => o.Kind == OwnerKind.Developer), s => s.OwnerId, o => o.Id, (s, o) => o.Id)
            .GroupBy(id => id).Select(g => g.Count()).ToListAsync();
        Assert.Equal(7, developerUnits.Count);
        Assert.All(developerUnits, units => Assert.True(units > 10));
        var investors = await read.Owners.Where(o => o.Kind == OwnerKind.Person)
            .CountAsync(o => read.Ownerships.Count(s => s.OwnerId == o.Id) >= 2);
        Assert.True(investors > 100, $"{investors} investors");
        var coOwned = await read.Ownerships.GroupBy(s => s.HomeId).CountAsync(g => g.Count() == 2);
        Assert.True(coOwned > 10_000, $"{coOwned} co-owned homes");
        foreach (var tag in ResidentTagSet.Each)
            Assert.True(await read.Residents.CountAsync(r => (r.Tags & tag) != 0) > 100, $"few {tag}");
        // Every courtyard has its party group's secretary and facilities; the estates whose owners elect one, a committee with its chair.
        var courtyards = await read.Courtyards.CountAsync();
        Assert.Equal(courtyards, await read.CourtyardMembers.CountAsync(m => m.Role == BodyRole.Secretary));
        Assert.Equal(courtyards, await read.Facilities.Select(f => f.CourtyardId).Distinct().CountAsync());
        Assert.Equal(await read.Courtyards.CountAsync(c => c.Kind == Domain.Organisation.CourtyardKind.Commercial || c.Kind == Domain.Organisation.CourtyardKind.Resettlement),
            await read.CourtyardMembers.CountAsync(m => m.Role == BodyRole.Chair));
        Assert.True(await read.Facilities.AnyAsync(f => f.Kind == FacilityKind.Lift && f.State == FacilityState.Faulty));
    }
}
