using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Cases;

/// <summary>
/// Counts stop at <see cref="CaseQueries.CountCap"/> (a search's at <see cref="CaseQueries.SearchCountCap"/>) and say so: a year's closed cases are not read one by one on
/// every refresh of every open queue. Below the cap, and for a state's own tab, they stay exact.
/// </summary>
public sealed class CountCapTests(CountCapTests.PastTheCap history) : IClassFixture<CountCapTests.PastTheCap>
{
    private const int Cases = CaseQueries.CountCap + 150;

    [Fact]
    public async Task TheFirstPage_SaysAtLeastTheCap()
    {
        var page = await history.Database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery());

        Assert.Equal((CaseQueries.CountCap, true), (page.TotalCount, page.TotalIsLowerBound));
    }

    [Fact]
    public async Task APagePastTheCap_IsCountedThroughTheNextPage_AndNearTheEndExactly()
    {
        var past = await history.Database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Page = 400, PageSize = 25 });
        var near = await history.Database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Page = 404, PageSize = 25 });
        var last = await history.Database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Page = 405, PageSize = 25 });

        Assert.Equal((402 * 25, true), (past.TotalCount, past.TotalIsLowerBound));
        Assert.Equal((Cases, false), (near.TotalCount, near.TotalIsLowerBound));
        Assert.Equal(Cases - 405 * 25, last.Items.Count);
    }

    [Fact]
    public async Task AFilterWithFewerMatches_IsCountedExactly()
    {
        var expected = await ExactCountAsync(CaseState.InProgress);

        var page = await history.Database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { State = CaseState.InProgress });

        Assert.Equal((expected, false), (page.TotalCount, page.TotalIsLowerBound));
    }

    [Fact]
    public async Task TabCounts_PastTheCapInAll_CountEachStateOnItsOwn()
    {
        var counts = await history.Database.Queries.CountByStateAsync(TestDatabase.Everyone, new CaseQuery());

        foreach (var state in Enum.GetValues<CaseState>())
            Assert.Equal(new CappedCount(await ExactCountAsync(state), false), counts[state]);
    }

    [Fact]
    public async Task TabCounts_OfATextSearchPastTheCap_AreLowerBounds()
    {
        var sample = (await history.Database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { PageSize = 1 })).Items[0];
        // Every case number of the year starts so: a search the number index answers, matching every case.
        var yearPrefix = sample.Number[..(sample.Number.IndexOf('-') + 2)];

        var counts = await history.Database.Queries.CountByStateAsync(TestDatabase.Everyone, new CaseQuery { Search = yearPrefix });

        Assert.All(counts.Values, c => Assert.True(c.IsLowerBound));
        foreach (var state in Enum.GetValues<CaseState>())
            Assert.InRange(counts[state].Value, 0, await ExactCountAsync(state));
        Assert.Equal(CaseQueries.SearchCountCap, counts.Values.Sum(c => c.Value));
    }

    [Fact]
    public async Task ACourtyardSearchWithManyCases_ListsTheNewestOfThem_AndCountsToTheSearchCap()
    {
        var named = history.Database.Directory.Courtyards.Where(c => c.Name.Contains('港')).Select(c => c.Id).ToList();
        await using var db = history.Database.NewContext();
        var matching = db.Cases.Where(c => named.Contains(c.CourtyardId));
        var expected = await matching.OrderByDescending(c => c.ReportedAtUtc).ThenByDescending(c => c.Id).Take(25).Select(c => c.Id).ToListAsync();
        Assert.InRange(await matching.CountAsync(), CaseQueries.SearchCountCap + 1, CaseQueries.CountCap); // many: the page walks the sort order

        var page = await history.Database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = "港" });

        Assert.Equal(expected, page.Items.Select(c => c.Id));
        Assert.Equal((CaseQueries.SearchCountCap, true), (page.TotalCount, page.TotalIsLowerBound));
    }

    private async Task<int> ExactCountAsync(CaseState state)
    {
        await using var db = history.Database.NewContext();
        return await db.Cases.CountAsync(c => c.State == state);
    }

    /// <summary>One demo history just past the cap, shared by the tests (loading it takes seconds).</summary>
    public sealed class PastTheCap : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(demoCases: Cases);

        public Task DisposeAsync() => Database.DisposeAsync().AsTask();
    }
}
