using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>
/// A real SQLite file with the demo street, behind the same services the app uses,
/// and a clock the test moves.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private TestDatabase(string path, ServiceProvider services)
    {
        Path = path;
        _services = services;
    }

    public string Path { get; }
    public FakeTimeProvider Clock => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();
    public CaseService Cases => _services.GetRequiredService<CaseService>();
    public CaseQueries Queries => _services.GetRequiredService<CaseQueries>();
    public OrganisationDirectory Directory => _services.GetRequiredService<OrganisationDirectory>();
    public DemoDataSeeder Seeder => _services.GetRequiredService<DemoDataSeeder>();
    public ICaseEventStream Events => _services.GetRequiredService<ICaseEventStream>();
    public DashboardProjection Dashboard => _services.GetRequiredService<DashboardProjection>();
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<TestDatabase> CreateAsync(int demoCases = 0, string? path = null, int archivePercent = 0)
    {
        path ??= System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cc-test-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={path}",
            ["Database:DemoCaseCount"] = demoCases.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:DemoArchivePercent"] = archivePercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Start))
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddCommandCenterInfrastructure(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        return new TestDatabase(path, services);
    }

    public CommandCenterDbContext NewContext() =>
        _services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext();

    /// <summary>
    /// The test acts with the system's rights: these tests are about the pipeline, not about
    /// who may (that is tests/…/Access). The name says which person the step stands for.
    /// </summary>
    public Post Actor(string role = "Dispatcher") => Everyone with { Name = $"test {role}" };

    public static readonly Post Everyone = Post.System(ActSource.Console);

    public ReportCaseRequest Report(string categoryCode = "0101", CourtyardId? courtyardId = null, string description = "小区门口有暴露垃圾") =>
        new(Channel.Hotline, categoryCode, Domain.Categories.Urgency.Normal, courtyardId ?? Directory.Courtyards.First().Id, null, description,
            "张三", "13812345678");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }
}
