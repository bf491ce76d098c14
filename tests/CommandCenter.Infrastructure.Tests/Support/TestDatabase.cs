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
/// A real database (a SQLite file by default, or a PostgreSQL database, <see cref="TestStore"/>) with the
/// demo street, behind the same services the app uses, and a clock the test moves.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    // A second server on another's store leaves the store to it.
    private readonly bool _ownsStore;

    private TestDatabase(TestStore store, ServiceProvider services, IReadOnlyDictionary<string, string?> settings, bool ownsStore)
    {
        Store = store;
        _services = services;
        _settings = settings;
        _ownsStore = ownsStore;
    }

    public TestStore Store { get; }

    /// <summary>The SQLite file, for the tests that read it as SQLite.</summary>
    public string Path => Store.SqliteFile ?? throw new InvalidOperationException($"The store is {Store.Provider}, not a SQLite file.");
    public FakeTimeProvider Clock => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();
    public CaseService Cases => _services.GetRequiredService<CaseService>();
    public CaseQueries Queries => _services.GetRequiredService<CaseQueries>();
    public OrganisationDirectory Directory => _services.GetRequiredService<OrganisationDirectory>();
    public DemoDataSeeder Seeder => _services.GetRequiredService<DemoDataSeeder>();
    public ICaseEventStream Events => _services.GetRequiredService<ICaseEventStream>();
    public DashboardProjection Dashboard => _services.GetRequiredService<DashboardProjection>();
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="settings">More of the app's settings, e.g. Events:Provider=Redis for servers that tell each other.</param>
    public static async Task<TestDatabase> CreateAsync(
        int demoCases = 0, string? path = null, DatabaseProvider provider = DatabaseProvider.Sqlite, int archivePercent = 0,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var store = path is not null ? TestStore.Sqlite(path) : await TestStore.CreateAsync(provider);
        return await StartAsync(store, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:DemoCaseCount"] = demoCases.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:DemoArchivePercent"] = archivePercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ownsStore: true);
    }

    /// <summary>Another server on this one's store with the same settings, started as the app starts (the demo street already there).</summary>
    public Task<TestDatabase> SecondServerAsync() => StartAsync(Store, _settings, ownsStore: false);

    private static async Task<TestDatabase> StartAsync(TestStore store, IReadOnlyDictionary<string, string?> settings, bool ownsStore)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(store.Settings).AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Start))
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddCommandCenterInfrastructure(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        return new TestDatabase(store, services, settings, ownsStore);
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
        if (_ownsStore) await Store.DisposeAsync();
    }
}
