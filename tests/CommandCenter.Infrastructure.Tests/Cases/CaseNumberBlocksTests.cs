using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Cases;

/// <summary>Two servers' blocks of case numbers on one PostgreSQL (docs/decisions/0018): each server a <see cref="CaseNumberBlocks"/>.</summary>
public sealed class CaseNumberBlocksTests
{
    [Fact]
    public async Task TwoServers_TakeFromBlocksOfTheirOwn_AndTheCounterSaysHowManyWereClaimed()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        var street = database.Directory.Streets.Single().Code;
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var day = ChinaTime.LocalDate(now);
        CaseNumberBlocks a = new(database.Service<UnitOfWork>()), b = new(database.Service<UnitOfWork>());

        var first = await a.TakeAsync(street, now, 60, CancellationToken.None);
        var second = await b.TakeAsync(street, now, 30, CancellationToken.None);
        // A's 40 left of 1–100, then a new block 201–300.
        var third = await a.TakeAsync(street, now, 50, CancellationToken.None);
        var nextDay = await b.TakeAsync(street, now.AddDays(1), 1, CancellationToken.None);

        Assert.Equal(Numbers(street, day, 1, 60), first);
        Assert.Equal(Numbers(street, day, 101, 30), second);
        Assert.Equal([.. Numbers(street, day, 61, 40), .. Numbers(street, day, 201, 10)], third);
        Assert.Equal(Numbers(street, day.AddDays(1), 1, 1), nextDay);
        await using var db = database.NewContext();
        Assert.Equal(300, await db.CaseNumberCounters.Where(c => c.StreetCode == street && c.Day == day.ToString("yyyyMMdd")).Select(c => c.Last).SingleAsync());
    }

    [Fact]
    public async Task TwoServersAtOnce_NeverHandOutOneNumberTwice()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        var street = database.Directory.Streets.Single().Code;
        var now = database.Clock.GetUtcNow().UtcDateTime;
        CaseNumberBlocks[] servers = [new(database.Service<UnitOfWork>()), new(database.Service<UnitOfWork>())];

        // 2 servers × 8 writers × 40 takes of 1–9 numbers: many blocks, the first of the day started by both at once.
        var taken = await Task.WhenAll(servers.SelectMany(server => Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            var numbers = new List<string>();
            for (var i = 0; i < 40; i++) numbers.AddRange(await server.TakeAsync(street, now, random.Next(1, 10), CancellationToken.None));
            return numbers;
        }))));

        var all = taken.SelectMany(n => n).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    private static List<string> Numbers(string street, DateOnly day, int from, int count) =>
        [.. Enumerable.Range(from, count).Select(n => CaseNumber.Format(street, day, n))];
}
