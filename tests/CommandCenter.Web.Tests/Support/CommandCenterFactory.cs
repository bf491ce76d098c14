using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Web.Tests.Support;

/// <summary>The whole app in memory over a real SQLite file of its own (or a given <see cref="Store"/>), with the demo street.</summary>
public sealed class CommandCenterFactory : WebApplicationFactory<Program>
{
    private readonly string _newFile = Path.Combine(Path.GetTempPath(), $"cc-web-{Guid.NewGuid():N}.db");

    /// <summary>
    /// The SQLite file, new by default; two factories given the same one act as two servers of one app. Only the
    /// factory that made the file deletes it: a second server on another's file (often a shared app's) leaves it be.
    /// </summary>
    public string DatabaseFile { get => field ?? _newFile; init; }

    /// <summary>Where the data lives instead of <see cref="DatabaseFile"/>, e.g. a PostgreSQL database; its creator disposes it.</summary>
    public TestStore? Store { get; init; }

    public int DemoCases { get; init; } = 20;

    /// <summary>The hosting environment; Production switches on what only a live system does (demo sign-ins refused…).</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>Configuration a test class needs beyond the defaults, e.g. a tighter rate limit.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>What the app logged.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in Store?.Settings ?? TestStore.Sqlite(DatabaseFile).Settings) builder.UseSetting(key, value);
        builder.UseSetting("Database:DemoCaseCount", DemoCases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Database:DemoArchivePercent", "2");
        // The monthly credit job would publish last month at every start: the credit tests publish months themselves,
        // and the audit tests count entries (the job's own test runs it, tests/…Infrastructure.Tests/Credit).
        builder.UseSetting("Credit:PublishMonthly", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>A client with a bearer token acting as a demo user's staff member.</summary>
    public HttpClient ClientAs(string demoUser = "admin") => CreateClient().As(Services, demoUser);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (DatabaseFile != _newFile) return;
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabaseFile + suffix);
    }
}
