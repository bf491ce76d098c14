using CommandCenter.Domain.Organisation;

namespace CommandCenter.Web.Tests.Support;

/// <summary>One app and an API client shared by the tests of a class: it reports and reads as the administrator, and runs each command as the post that takes it.</summary>
public sealed class ApiApp : IAsyncLifetime
{
    public CommandCenterFactory Factory { get; } = new();
    public ApiClient Api { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Api = new ApiClient(Factory.ClientAs("admin"), new CasePosts(Factory));
        return Task.CompletedTask;
    }

    /// <summary>A client acting as one particular staff member, e.g. the liaison of a given department.</summary>
    public ApiClient ApiAs(StaffId staffId) => new(Factory.CreateClient().WithToken(TestAccess.StaffToken(Factory.Services, staffId)));

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
