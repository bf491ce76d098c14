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

    [Fact]
    public async Task DemoCases_AboutALiftFireEquipmentOrRubbish_NameOneOfTheirCourtyardsFacilitiesOfThatKind()
    {
        var stopwatch = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(demoCases: 3_000, archivePercent: 2);
        output.WriteLine($"street, 2 % archive and 3,000 cases seeded in {stopwatch.Elapsed.TotalSeconds:F1} s");
        await using var read = database.NewContext();
        var facilities = await read.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id);
        var cases = await read.Cases.AsNoTracking().Select(c => new { c.CategoryCode, c.CourtyardId, c.BuildingId, c.FacilityId }).ToListAsync();
        var fits = new Dictionary<string, FacilityKind> { ["0301"] = FacilityKind.Lift, ["0504"] = FacilityKind.FireEquipment, ["0101"] = FacilityKind.Bin, ["0103"] = FacilityKind.Bin };

        Assert.All(cases.Where(c => c.FacilityId is not null), c =>
        {
            var facility = facilities[c.FacilityId!.Value.Value];
            Assert.Equal((c.CourtyardId, fits[c.CategoryCode]), (facility.CourtyardId, facility.Kind));
        });
        // A lift report from a building with a lift on the list names that building's lift.
        var lifts = facilities.Values.Where(f => f.Kind == FacilityKind.Lift).ToList();
        Assert.All(cases.Where(c => c.FacilityId is not null && c.CategoryCode == "0301" && lifts.Any(l => l.BuildingId == c.BuildingId)),
            c => Assert.Equal(c.BuildingId, facilities[c.FacilityId!.Value.Value].BuildingId));
        // The shares set in the generator: 85 % of lift reports where the courtyard has lifts, 30 % of rubbish (0101), 50 % of
        // waste sorting (0103), 70 % of fire equipment; none for any other problem.
        var withLifts = lifts.Select(l => l.CourtyardId).ToHashSet();
        AssertShare(cases.Where(c => c.CategoryCode == "0301" && withLifts.Contains(c.CourtyardId)).Select(c => c.FacilityId is not null), 0.85);
        AssertShare(cases.Where(c => c.CategoryCode == "0101").Select(c => c.FacilityId is not null), 0.30);
        AssertShare(cases.Where(c => c.CategoryCode == "0103").Select(c => c.FacilityId is not null), 0.50);
        AssertShare(cases.Where(c => c.CategoryCode == "0504").Select(c => c.FacilityId is not null), 0.70);
        Assert.DoesNotContain(cases, c => c.FacilityId is not null && !fits.ContainsKey(c.CategoryCode));
    }

    /// <summary>A share within four standard errors of <paramref name="expected"/>, over at least 30 reports.</summary>
    private void AssertShare(IEnumerable<bool> named, double expected)
    {
        var all = named.ToList();
        var share = all.Count(n => n) / (double)all.Count;
        output.WriteLine($"{all.Count(n => n)} of {all.Count} name a facility ({share:P0}, expected {expected:P0})");
        Assert.True(all.Count >= 30, $"only {all.Count} reports");
        Assert.InRange(share, expected - 4 * Math.Sqrt(expected * (1 - expected) / all.Count), expected + 4 * Math.Sqrt(expected * (1 - expected) / all.Count));
    }
}
