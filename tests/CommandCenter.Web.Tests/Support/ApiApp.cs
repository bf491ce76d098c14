namespace CommandCenter.Web.Tests.Support;

/// <summary>One app and an administrator's API client shared by the tests of a class.</summary>
public sealed class ApiApp : IAsyncLifetime
{
    public CommandCenterFactory Factory { get; } = new();
    public ApiClient Api { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Api = new ApiClient(Factory.ClientAs("admin"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
