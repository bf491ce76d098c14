using CommandCenter.Infrastructure.Tests.Support;
using Quartz;

namespace CommandCenter.Infrastructure.Tests.Deadlines;

/// <summary>
/// The schema scripts checked in for the clustered Quartz store
/// (src/CommandCenter.Infrastructure/Deadlines/quartz-sqlserver.sql, quartz-postgres.sql) are the ones the
/// referenced Quartz version ships, with the table prefix filled in: an upgrade of Quartz
/// that changes its schema fails here until the script is regenerated. The PostgreSQL one
/// is also what every PostgreSQL test database runs (<see cref="TestStore"/>).
/// </summary>
public sealed class QuartzSchemaTests
{
    private const string Prefix = "QRTZ_";

    [Fact]
    public void CheckedInScript_IsTheReferencedQuartzVersionsSchema()
    {
        var script = RepositoryFiles.Read("src/CommandCenter.Infrastructure/Deadlines/quartz-sqlserver.sql");

        Assert.Equal(Expected(), script);
        Assert.Contains("CREATE TABLE QRTZ_LOCKS", script.Replace("[", "").Replace("]", ""));
    }

    [Fact]
    public void CheckedInPostgresScript_IsTheReferencedQuartzVersionsSchema()
    {
        var script = RepositoryFiles.Read(RepositoryFiles.QuartzPostgresSchema);

        Assert.Equal(ExpectedPostgres(), script);
        Assert.Contains("CREATE TABLE IF NOT EXISTS qrtz_locks", script);
    }

    /// <summary>Quartz's embedded template, prefix substituted, statements separated by GO for sqlcmd and SSMS.</summary>
    internal static string Expected()
    {
        var template = Template("create_sqlServer.sql");
        var lines = template.Replace("{0}", Prefix).Replace("{1}", Prefix).Split('\n').Select(l => l.TrimEnd('\r') == "--;;" ? "GO" : l);
        return $"-- Quartz.NET {typeof(IJob).Assembly.GetName().Version} AdoJobStore schema for SQL Server, table prefix {Prefix}.\n"
            + "-- Run once on the production database before the first start with Database:Provider=SqlServer.\n"
            + string.Join('\n', lines);
    }

    /// <summary>
    /// Quartz's embedded template, in PostgreSQL's lower case (it folds Quartz's unquoted QRTZ_ names to it);
    /// psql reads the statement separators as comments.
    /// </summary>
    internal static string ExpectedPostgres() =>
        $"-- Quartz.NET {typeof(IJob).Assembly.GetName().Version} AdoJobStore schema for PostgreSQL, table prefix qrtz_.\n"
        + "-- Run once on the production database before the first start with Database:Provider=PostgreSql (psql -f; safe to run again).\n"
        + Template("create_postgres.sql").ReplaceLineEndings("\n").Replace("{0}", "qrtz_").Replace("{1}", "qrtz_");

    private static string Template(string name)
    {
        using var stream = typeof(IJob).Assembly.GetManifestResourceStream($"Quartz.Impl.AdoJobStore.Schema.{name}")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
