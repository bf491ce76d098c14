using Quartz;

namespace CommandCenter.Infrastructure.Tests.Deadlines;

/// <summary>
/// The SQL Server schema script checked in for the clustered Quartz store
/// (src/CommandCenter.Infrastructure/Deadlines/quartz-sqlserver.sql) is the one the
/// referenced Quartz version ships, with the table prefix filled in: an upgrade of Quartz
/// that changes its schema fails here until the script is regenerated.
/// </summary>
public sealed class QuartzSchemaTests
{
    private const string Prefix = "QRTZ_";

    [Fact]
    public void CheckedInScript_IsTheReferencedQuartzVersionsSchema()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/CommandCenter.Infrastructure/Deadlines/quartz-sqlserver.sql"));

        Assert.Equal(Expected(), script);
        Assert.Contains("CREATE TABLE QRTZ_LOCKS", script.Replace("[", "").Replace("]", ""));
    }

    /// <summary>Quartz's embedded template, prefix substituted, statements separated by GO for sqlcmd and SSMS.</summary>
    internal static string Expected()
    {
        using var stream = typeof(IJob).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_sqlServer.sql")!;
        var template = new StreamReader(stream).ReadToEnd();
        var lines = template.Replace("{0}", Prefix).Replace("{1}", Prefix).Split('\n').Select(l => l.TrimEnd('\r') == "--;;" ? "GO" : l);
        return $"-- Quartz.NET {typeof(IJob).Assembly.GetName().Version} AdoJobStore schema for SQL Server, table prefix {Prefix}.\n"
            + "-- Run once on the production database before the first start with Database:Provider=SqlServer.\n"
            + string.Join('\n', lines);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CommandCenter.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("CommandCenter.sln not found above the test output.");
    }
}
