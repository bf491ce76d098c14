using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Persistence;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Seed_FreshDatabase_HasTheStreetAndCasesInEveryState()
    {
        await using var database = await TestDatabase.CreateAsync(demoCases: 400);
        await using var db = database.NewContext();

        Assert.Equal(10, await db.Communities.CountAsync());
        Assert.Equal(34, await db.Courtyards.CountAsync());
        Assert.Equal(400, await db.Cases.CountAsync());
        var states = await db.Cases.Select(c => c.State).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<CaseState>().Order(), states.Order());
        var numbers = await db.Cases.Select(c => c.Number).ToListAsync();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Seed_Deferrals_HaveReviewDates_AndLeadersResumeOrExtendSome()
    {
        await using var database = await TestDatabase.CreateAsync(demoCases: 400);
        await using var db = database.NewContext();

        var deferred = await db.Cases.Where(c => c.Clock.IsDeferred).Select(c => c.Clock.ReviewAtUtc).ToListAsync();
        var reviewed = await db.TimelineEvents.CountAsync(e => e.Type == CaseEventType.DeferralResumed || e.Type == CaseEventType.DeferralExtended);

        Assert.NotEmpty(deferred);
        Assert.All(deferred, reviewAt => Assert.NotNull(reviewAt));
        Assert.True(reviewed > 0);
    }

    [Fact]
    public async Task Seed_ShowsStreetLedTicketsWithAnUnsignedAndAReturnedPart_AndAMissedSignForEscalated()
    {
        await using var database = await TestDatabase.CreateAsync(demoCases: 400);
        await using var db = database.NewContext();

        var streetLed = await db.Cases.Where(c => c.Level == HandlingLevel.Street && c.Parts.Any(p => p.Role == PartRole.CoHandler)).Include(c => c.Parts).ToListAsync();
        Assert.Contains(streetLed, c => c.Parts.Any(p => p.IsOpen && !p.IsSigned && p.Clock.SignOverdueAtUtc != null));
        Assert.Contains(streetLed, c => c.Parts.Any(p => p.IsReturned) && c.Parts.Count(p => p.Role == PartRole.CoHandler && p.IsOpen) == 1);
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.Type == CaseEventType.PartSignOverdue));
        Assert.True(await db.HandlingRecords.AnyAsync(r => r.Role == PartRole.CoHandler && r.Outcome == HandlingOutcome.Returned));
        var missed = await db.HandlingRecords.Where(r => r.Level == HandlingLevel.Community && r.SignedLate && r.SignedAtUtc == null).Select(r => r.CaseId).ToListAsync();
        Assert.True(await db.Cases.AnyAsync(c => missed.Contains(c.Id) && c.Level == HandlingLevel.Street && c.EscalationCount > 0));
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothingTheSecondTime()
    {
        await using var database = await TestDatabase.CreateAsync(demoCases: 50);
        await using var db = database.NewContext();
        var before = (await db.Cases.CountAsync(), await db.TimelineEvents.CountAsync(), await db.Units.CountAsync());

        await database.Seeder.SeedAsync(db, 50);

        Assert.Equal(before, (await db.Cases.CountAsync(), await db.TimelineEvents.CountAsync(), await db.Units.CountAsync()));
    }

    [Fact]
    public async Task Intake_AfterSeeding_ContinuesTheDaysNumbering()
    {
        await using var database = await TestDatabase.CreateAsync(demoCases: 400);
        await using var db = database.NewContext();
        var prefix = CaseNumber.Prefix(database.Directory.Streets.Single().Code, database.Clock.GetUtcNow().UtcDateTime);
        var seededToday = await db.Cases.CountAsync(c => c.Number.StartsWith(prefix));

        var created = await database.Cases.ReportAsync(database.Report(), database.Actor());

        Assert.Equal(CaseNumber.Format(database.Directory.Streets.Single().Code, Domain.Common.ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime), seededToday + 1), created.Number);
    }
}
