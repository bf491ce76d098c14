using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Tests.Assessment;
using CommandCenter.Infrastructure.Tests.Support;

namespace CommandCenter.Infrastructure.Tests.Dashboard;

/// <summary>The wall's rates are the assessment page's for the same scope and days, recomputed on its refresh path.</summary>
public sealed class WallAssessmentTests
{
    [Fact]
    public async Task Rates_AreTheAssessmentFigures_OfTodayAndTheLast30Days()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await AssessmentQueriesTests.BuildPeriodAsync(database);
        var wall = database.Service<WallAssessment>();
        var queries = database.Service<AssessmentQueries>();
        var community = database.Directory.Courtyard(company.ServedCourtyardIds[0])!.CommunityId;

        wall.Rates(null);
        wall.Rates(community);
        await wall.RefreshAsync();

        var now = database.Clock.GetUtcNow().UtcDateTime;
        var today = AssessmentPeriod.Day(ChinaTime.LocalDate(now));
        var last30Days = AssessmentPeriod.LastDays(now, 30);
        foreach (var scope in new CommunityId?[] { null, community })
        {
            var rates = wall.Rates(scope)!;
            Assert.Equal(await queries.AreaAsync(TestDatabase.Everyone, today, scope), rates.Today);
            Assert.Equal(await queries.AreaAsync(TestDatabase.Everyone, last30Days, scope), rates.Last30Days);
        }
        // The five cases of the scripted period, all within the last 30 days: 按期 2 ÷ (5 − 1), 满意 4 ÷ 5.
        var street = wall.Rates(null)!;
        Assert.Equal(new Rate(2, 4), new Indicators(street.Last30Days).OnTimeRate);
        Assert.Equal(new Rate(4, 5), new Indicators(street.Last30Days).SatisfactionRate);
    }

    [Fact]
    public async Task Ranking_IsByScore_AmongUnitsWithSomethingToScore()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await AssessmentQueriesTests.BuildPeriodAsync(database);
        // Another company closes its one case on time and without rework: a higher score than the first company's.
        var other = database.Directory.Units.First(u => u.Kind == UnitKind.PropertyCompany && u.Id != company.Id && u.ServedCourtyardIds.Count > 0);
        var signed = await AssessmentQueriesTests.SignedAsync(database, other);
        await AssessmentQueriesTests.CloseAsync(database, signed.Id, Rating.BasicallySatisfied);
        var wall = database.Service<WallAssessment>();

        wall.Rates(null);
        await wall.RefreshAsync();

        var ranking = wall.Rates(null)!.Ranking;
        Assert.Equal([other.Id, company.Id], ranking.Select(u => u.Item.UnitId));
        Assert.True(ranking[0].Score.Value > ranking[1].Score.Value);
        Assert.Equal([1, 2], ranking.Select(u => u.Rank));
    }

    [Fact]
    public async Task AskingForAScope_StartsItsFirstComputation_AndChangedIsRaised()
    {
        await using var database = await TestDatabase.CreateAsync();
        var wall = database.Service<WallAssessment>();
        var changes = 0;
        wall.Changed += () => Interlocked.Increment(ref changes);

        wall.Rates(null);

        var rates = await Eventually.HoldsAsync(() => Task.FromResult(wall.Rates(null)), r => r is not null);
        Assert.Equal(IndicatorCounts.None, rates!.Last30Days);
        Assert.True(Volatile.Read(ref changes) >= 1);
    }
}
