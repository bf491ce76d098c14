namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// One app shared by the tests of a class (an app start costs seconds): the tests then make their own data
/// (people, cases, client addresses) and assert on what they made. <see cref="StreetApp"/> is the usual one.
/// </summary>
public abstract class SharedApp(CommandCenterFactory factory) : IAsyncLifetime
{
    public CommandCenterFactory Factory { get; } = factory;

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The demo street and its accounts without cases.</summary>
public sealed class StreetApp() : SharedApp(new CommandCenterFactory { DemoCases = 0 });
