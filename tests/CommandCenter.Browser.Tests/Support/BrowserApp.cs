using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using CommandCenter.Domain.Access;

namespace CommandCenter.Browser.Tests.Support;

/// <summary>
/// The app on a real Kestrel port over its own SQLite file, and Debian's Chromium driven by
/// Playwright (no browser download: the test set-up installs the chromium package).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"cc-browser-{Guid.NewGuid():N}.db");
    private Factory? _factory;
    private IPlaywright? _playwright;

    /// <summary>How long what crosses the circuit (a render, a redirect, a live update) may take on a busy machine.</summary>
    public const int LiveTimeout = 30_000;

    public IBrowser Browser { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Where screenshots go, so a person can look at what the tests saw.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/test.sh, which installs Debian's chromium package.");
        StartServer(port: 0);
        // The suite runs beside the other test projects on two cores; a round trip over the circuit can take
        // far longer than Playwright's 5 s default there without anything being wrong. A slow pass costs
        // nothing, a false failure costs a run: what must appear waits up to 30 s.
        Assertions.SetDefaultExpectTimeout(LiveTimeout);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>Stops the server and starts a new one on the same port and database, as a restart would.</summary>
    public async Task RestartServerAsync()
    {
        await _factory!.DisposeAsync();
        StartServer(Address.Port);
    }

    private void StartServer(int port)
    {
        _factory = new Factory(_database);
        _factory.UseKestrel(port);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public async Task<IPage> NewPageAsync(int width = 1600, int height = 1000, string? culture = null)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = Address.ToString() });
        // A page's first request in a class starts its server's work cold; beside the other test projects that alone
        // outlasted Playwright's 30 s once. Waits for what a page shows keep their own limit.
        context.SetDefaultNavigationTimeout(2 * LiveTimeout);
        if (culture is not null)
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = Address.ToString() }]);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Opens a page and waits until its circuit is live, so clicks reach the server. The live circuit is the
    /// point, not the load event: a page may rewrite its address before that (the console's queue does), and on a
    /// busy machine the load event can come after a wait's patience without anything being wrong.
    /// </summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = LiveTimeout });
    }

    /// <summary>Waits until the page has been sent to the sign-in page and shows its form; the address is the proof, the form what comes next.</summary>
    public static async Task SentToSignInAsync(IPage page)
    {
        await AddressAsync(page, url => url.Contains("/account/login", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#cc-user")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until the page's committed address satisfies <paramref name="holds"/>, by polling it. Not WaitForURL: when
    /// the address already holds, it waits for the page's load event whatever WaitUntil says, and a page that rewrites
    /// its address (or is sent on by a circuit) may never fire it.
    /// </summary>
    private static async Task AddressAsync(IPage page, Func<string, bool> holds)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(LiveTimeout);
        while (!holds(page.Url))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The address stayed {page.Url} for {LiveTimeout / 1000} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Picks files on a Blazor file input once Blazor has attached its listener to it; files set before that
    /// (a busy server's first render still on its way) raise a change nobody hears, and the pick is lost.
    /// </summary>
    public static async Task PickFilesAsync(ILocator input, params FilePayload[] files)
    {
        await input.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        await input.SetInputFilesAsync(files);
    }

    /// <summary>
    /// Waits until an image has arrived and decoded: it is fetched after the markup that names it, so a check made the
    /// moment it is attached races the download. A broken image never gains a width and fails at the expect timeout.
    /// </summary>
    public static async Task ExpectImageShownAsync(ILocator image)
    {
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        await Assertions.Expect(image).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
    }

    /// <summary>Signs a page's browser context in through the real sign-in form, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = Infrastructure.Access.DemoAccounts.Password)
    {
        await page.GotoAsync("/account/login", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#cc-user").FillAsync(userName);
        await page.Locator("#cc-password").FillAsync(password);
        await page.Locator("form.cc-account-form button[type=submit]").ClickAsync();
        try
        {
            // Off the form is signed in; whatever the landing page loads next is the caller's to wait for.
            await AddressAsync(page, url => !url.Contains("/account/login", StringComparison.Ordinal));
        }
        catch (TimeoutException e)
        {
            // Which way the sign-in went back (refused, expired form, never posted) is the whole diagnosis of a failure here.
            var message = page.Locator("[data-login-message]");
            var said = await message.CountAsync() > 0 ? await message.GetAttributeAsync("data-login-message") : "no message";
            throw new TimeoutException($"Signing in as {userName} stayed on {page.Url} ({said}).", e);
        }
    }

    /// <summary>A new page whose context is signed in as a demo user.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, int width = 1600, int height = 1000, string? culture = null)
    {
        var page = await NewPageAsync(width, height, culture);
        await SignInAsync(page, userName);
        return page;
    }

    /// <summary>An API client with a bearer token acting as a demo user's staff member.</summary>
    public HttpClient ApiAs(string demoUser = "admin")
    {
        var directory = Services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>();
        var staff = Infrastructure.Access.DemoAccounts.StaffOf(demoUser, directory.Staff) ?? throw new ArgumentException($"No demo user {demoUser}.", nameof(demoUser));
        return ApiAs(staff.Id);
    }

    /// <summary>An API client with a bearer token acting as one staff member, e.g. someone of the unit a case went to.</summary>
    public HttpClient ApiAs(Domain.Organisation.StaffId staffId)
    {
        var secret = Services.GetRequiredService<Infrastructure.Access.AccessTokenService>()
            .CreateStaffAsync($"test staff {staffId}", staffId, Domain.Access.Post.System(ActSource.Console)).GetAwaiter().GetResult().Secret;
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return http;
    }

    /// <summary>A read-only display token for the street, or one community, as an administrator would make it.</summary>
    public string DisplayToken(Domain.Organisation.CommunityId? communityId = null) =>
        Services.GetRequiredService<Infrastructure.Access.AccessTokenService>()
            .CreateDisplayAsync("test wall", null, communityId, Domain.Access.Post.System(ActSource.Console)).GetAwaiter().GetResult().Secret;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }

    private sealed class Factory(string database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development serves the static web assets (MudBlazor's css/js) from the build output.
            builder.UseEnvironment("Development");
            // Assets as the build wrote them (compressed), as a published server sends them; development's hot-reload
            // patching would send the app's own files again uncompressed whenever their time stamps differ from the build's.
            builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
            builder.UseSetting("Database:ConnectionString", $"Data Source={database}");
            builder.UseSetting("Database:DemoCaseCount", "120");
            builder.UseSetting("Database:DemoArchivePercent", "10");
            // A revoked token should end an open wall within a test's patience, not the default 30 s.
            builder.UseSetting("Access:RevalidationInterval", "00:00:02");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FaultPathForTests>());
        }
    }
}
