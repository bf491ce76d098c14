using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.LocalServers;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Infrastructure.Tests.Organisation;

/// <summary>
/// Two servers on one PostgreSQL and one Redis: the deadline rules and who decides, edited on one, are what the other
/// holds in memory soon after, without a restart (issue 16: a change takes effect on every server).
/// </summary>
public sealed class ReferenceDataAcrossServersTests
{
    [Fact]
    public async Task DeadlineRulesAndDecisionRights_EditedOnOneServer_AreHeldByTheOther()
    {
        using var redis = LocalRedis.Start();
        await using var a = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql, settings: new Dictionary<string, string?>
        {
            ["Events:Provider"] = "Redis",
            ["Events:RedisConnectionString"] = redis.ConnectionString,
        });
        await using var b = await a.SecondServerAsync();
        // B's follower as the host starts it (the test host starts no hosted services).
        using var follower = ActivatorUtilities.CreateInstance<DirectoryFollower>(b.Service<IServiceProvider>());
        await follower.StartAsync(CancellationToken.None);
        var holiday = new DateOnly(2027, 3, 3); // a Wednesday
        var rightsOnB = b.Service<DecisionRightsProvider>();
        var revisionBefore = rightsOnB.Revision;
        Assert.True(b.Service<DeadlineRulesProvider>().Rules.Calendar.IsWorkingDay(holiday));
        var admin = a.Actor("Administrator");

        await a.Service<DeadlineAdministration>().SetCalendarDayAsync(admin, new CalendarDayInput(holiday, CalendarDayKind.Holiday, "调休"));
        var table = a.Service<DecisionRightsAdministration>().Current;
        await a.Service<DecisionRightsAdministration>().UpdateAsync(admin, new DecisionRightsInput(
            [.. table.Decisions.Select(row => new DecisionRowInput(row.Decision.ToString(), [.. row.Roles.Select(r => r.ToString())]))], table.Revision));

        var working = await Eventually.HoldsAsync<bool>(
            () => Task.FromResult(b.Service<DeadlineRulesProvider>().Rules.Calendar.IsWorkingDay(holiday)), isWorking => !isWorking, TimeSpan.FromSeconds(10));
        var revision = await Eventually.HoldsAsync<int>(() => Task.FromResult(rightsOnB.Revision), r => r == table.Revision + 1, TimeSpan.FromSeconds(10));
        Assert.False(working);
        Assert.Equal(table.Revision + 1, revision);
        Assert.Equal(revisionBefore, table.Revision);
    }
}
