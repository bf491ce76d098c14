namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// One app over a database the demo data filled with a month of history, enough cases for every channel,
/// shared by the tests of a class.
/// </summary>
public sealed class DemoHistoryApp : IAsyncLifetime
{
    public CommandCenterFactory Factory { get; } = new() { DemoCases = 400 };

    public Task InitializeAsync()
    {
        // Starting the host seeds the demo street and its history.
        _ = Factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
