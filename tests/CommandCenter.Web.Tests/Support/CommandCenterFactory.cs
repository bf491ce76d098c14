using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CommandCenter.Web.Tests.Support;

/// <summary>The whole app in memory over a real SQLite file of its own, with the demo street.</summary>
public sealed class CommandCenterFactory : WebApplicationFactory<Program>
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cc-web-{Guid.NewGuid():N}.db");

    public int DemoCases { get; init; } = 20;

    /// <summary>Configuration a test class needs beyond the defaults, e.g. a tighter rate limit.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_path}");
        builder.UseSetting("Database:DemoCaseCount", DemoCases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
    }
}
