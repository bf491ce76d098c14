using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CommandCenter.Browser.Tests.Support;

/// <summary>
/// A path that fails on purpose, in the test server only, behind all of the app's own middleware (it runs when no
/// endpoint answered): how an unexpected fault looks to the person who meets it.
/// </summary>
internal sealed class FaultPathForTests : IStartupFilter
{
    public const string Path = "/test-only/fault";
    public const string Secret = "internal detail no page may show";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map(Path, fault => fault.Run(_ => throw new InvalidOperationException(Secret)));
    };
}
