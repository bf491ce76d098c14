using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Tests.Simulation;

public sealed class CaseSimulatorTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cc-sim-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Enabled_FeedsNewCasesAndMovesThemThroughRealCommands_AndStopsWithTheHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Database:ConnectionString"] = $"Data Source={_file}";
        builder.Configuration["Database:DemoCaseCount"] = "0";
        builder.Configuration["Deadlines:RunTimers"] = "false";
        builder.Configuration["Simulator:Enabled"] = "true";
        builder.Configuration["Simulator:CasesPerMinute"] = "600";
        builder.Services.AddCommandCenterInfrastructure(builder.Configuration);
        using var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        var queries = host.Services.GetRequiredService<CaseQueries>();

        await host.StartAsync();
        var moved = await Eventually.HoldsAsync(
            () => queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { States = [CaseState.PendingDispatch, CaseState.Dispatched, CaseState.InProgress], PageSize = 1 }),
            page => page.TotalCount > 0);
        // A stream, not one case: the first tick reports and moves one at once.
        await Eventually.HoldsAsync(() => queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { PageSize = 1 }), page => page.TotalCount > 1);
        await host.StopAsync();
        var total = (await queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { PageSize = 1 })).TotalCount;
        await Task.Delay(500);

        Assert.True(moved.TotalCount > 0);
        Assert.True(total > 1);
        Assert.Equal(total, (await queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { PageSize = 1 })).TotalCount);
        var sample = await queries.DetailAsync(TestDatabase.Everyone, (await queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { PageSize = 1 })).Items[0].Id);
        Assert.All(sample!.Timeline, e => Assert.Equal(ActSource.Simulator, e.Source));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        return Task.CompletedTask;
    }
}
