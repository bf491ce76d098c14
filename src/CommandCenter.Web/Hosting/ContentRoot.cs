namespace CommandCenter.Web.Hosting;

/// <summary>
/// Where the app reads its settings (appsettings*.json) and serves its scripts and styles from. ASP.NET Core's default is
/// the folder the process was started in, so `dotnet out/CommandCenter.Web.dll` started from anywhere else (a service
/// manager, the README's going-live command) ran without its settings and answered every script and style empty: pages
/// that never start. The app's own folder is the default here; a content root given on the command line or in
/// the environment (`--contentRoot`, ASPNETCORE_CONTENTROOT, DOTNET_CONTENTROOT; scripts/run.sh and the tests' host
/// give one) still wins.
/// </summary>
public static class ContentRoot
{
    /// <summary>The app's own folder, or null when a content root is given (the host then takes that one).</summary>
    public static string? Default(string[] args) =>
        new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey] is null ? AppContext.BaseDirectory : null;
}
