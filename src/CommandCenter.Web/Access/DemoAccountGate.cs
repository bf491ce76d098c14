using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Access;

/// <summary>
/// The demo sign-ins share a password printed in the README: anywhere but Development they are
/// refused unless the app was started with the demo data on purpose (a demo or a test).
/// </summary>
public sealed class DemoAccountGate(IHostEnvironment environment, IOptions<DatabaseOptions> database)
{
    public bool Refuses(UserAccount account) => account.IsDemo && !environment.IsDevelopment() && !database.Value.SeedDemoData;
}
