using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    /// <summary>PostgreSQL, and the servers that speak its protocol (openGauss, KingbaseES in PostgreSQL mode).</summary>
    PostgreSql,
}

/// <summary>Section "Database": which provider and where. SQLite is the embedded default.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/commandcenter.db";

    /// <summary>Loads the demo street and its history into an empty database on start.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>How many historical cases the demo data holds.</summary>
    [Range(0, 10_000_000)]
    public int DemoCaseCount { get; set; } = 400;

    /// <summary>
    /// How much of the demo street's courtyard archive (49,800 homes, about 77,000 residents) to load, in percent;
    /// none unless asked (appsettings.json asks for all), so test databases stay small.
    /// </summary>
    [Range(0, 100)]
    public int DemoArchivePercent { get; set; }
}
