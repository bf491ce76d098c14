using CommandCenter.Infrastructure;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Benchmarks;

/// <summary>
/// The app's infrastructure over a new SQLite file with the demo street and no demo cases, for a benchmark that
/// measures one feature in-process; the file is deleted afterwards.
/// </summary>
internal static class FreshDatabase
{
    public static async Task RunAsync(string name, IReadOnlyDictionary<string, string> settings, Func<IServiceProvider, string, Task> measure)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cc-bench-{name}-{Guid.NewGuid():N}.db");
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["Database:ConnectionString"] = $"Data Source={file}";
            builder.Configuration["Database:DemoCaseCount"] = "0";
            foreach (var (key, value) in settings) builder.Configuration[key] = value;
            builder.Services.AddCommandCenterInfrastructure(builder.Configuration);
            using var host = builder.Build();
            await host.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
            await measure(host.Services, file);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
