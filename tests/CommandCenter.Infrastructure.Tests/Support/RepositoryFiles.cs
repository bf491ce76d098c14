namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>Files checked in beside the code (schema scripts), read from the repository the tests were built in.</summary>
public static class RepositoryFiles
{
    public const string QuartzPostgresSchema = "src/CommandCenter.Infrastructure/Deadlines/quartz-postgres.sql";

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root(), relativePath));

    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CommandCenter.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("CommandCenter.sln not found above the test output.");
    }
}
