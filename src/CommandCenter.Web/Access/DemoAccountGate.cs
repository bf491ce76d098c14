using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Access;

/// <summary>
/// The demo sign-ins share a password printed in the README: in Production they are refused
/// unless the app was started with the demo data on purpose.
/// </summary>
public sealed class DemoAccountGate(IHostEnvironment environment, IOptions<DatabaseOptions> database)
{
    public bool Refuses(UserAccount account) => account.IsDemo && environment.IsProduction() && !database.Value.SeedDemoData;
}
