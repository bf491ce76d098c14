using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// The app on a fake clock standing at 2 November 2026, with no demo cases and no timers running, so a month stays as the
/// fixture built it (in <see cref="BuildAsync"/>) for the assessment's figures worked out by hand.
/// </summary>
public abstract class NovemberApp : IAsyncLifetime
{
    /// <summary>The console's system post: the acts that no person's figures should count.</summary>
    protected static readonly Post Test = Post.System(ActSource.Console);

    private readonly CommandCenterFactory _factory = new() { DemoCases = 0, Settings = new Dictionary<string, string> { ["Deadlines:RunTimers"] = "false" } };
    private WebApplicationFactory<Program> _app = null!;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    public HttpClient Leader { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;
    public OrganisationDirectory Directory => Services.GetRequiredService<OrganisationDirectory>();
    protected CaseService Cases => Services.GetRequiredService<CaseService>();

    public async Task InitializeAsync()
    {
        _app = _factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock)));
        Leader = _app.CreateClient().As(Services, "leader");
        Admin = _app.CreateClient().As(Services, "admin");
        await BuildAsync();
    }

    /// <summary>Writes the fixture's month through the real commands, moving <see cref="Clock"/> as it goes.</summary>
    protected abstract Task BuildAsync();

    /// <summary>A client signed in as nobody yet.</summary>
    public HttpClient NewClient() => _app.CreateClient();

    public async Task DisposeAsync()
    {
        Leader.Dispose();
        Admin.Dispose();
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
