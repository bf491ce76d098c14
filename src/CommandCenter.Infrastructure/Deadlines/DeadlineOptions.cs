using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CommandCenter.Infrastructure.Deadlines;

/// <summary>Section "Deadlines": the street's working hours and how the deadline sweep runs.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>Working periods in China time, "HH:mm-HH:mm".</summary>
    [MinLength(1)]
    public List<string> WorkingHours { get; set; } = ["09:00-12:00", "13:30-18:00"];

    /// <summary>The sweep runs at least this often, and sooner when a deadline falls before.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cases fired per transaction.</summary>
    [Range(1, 10_000)]
    public int SweepBatchSize { get; set; } = 500;

    /// <summary>
    /// On a server database, how many batches a sweep writes at once (each locks the cases it takes); SQLite writes one
    /// at a time whatever this says.
    /// </summary>
    [Range(1, 16)]
    public int SweepLanes { get; set; } = 2;

    /// <summary>
    /// How often each clustered scheduler (PostgreSQL, SQL Server) records in the database that it is alive. Quartz's
    /// own 7.5 s, with its 7.5 s threshold, left the sweep of a killed server blocked for 15–30 s: a sweep it was
    /// running is taken over only once its last check-in is two intervals plus the threshold old.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How late past its interval a server's check-in may be before the others take it for dead. Longer than the pauses
    /// a loaded server sees; one taken for dead while alive costs a version conflict in the sweep, never a second firing.
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Off for tools and benchmarks that drive the sweep themselves.</summary>
    public bool RunTimers { get; set; } = true;

    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> ParseWorkingHours() =>
        [.. WorkingHours.Select(period =>
        {
            var parts = period.Split('-', 2, StringSplitOptions.TrimEntries);
            return (TimeOnly.Parse(parts[0], CultureInfo.InvariantCulture), TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture));
        })];
}
