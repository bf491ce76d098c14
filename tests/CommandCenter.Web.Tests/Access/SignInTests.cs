using System.Net;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using CommandCenter.Web.Tests.Support;
using static CommandCenter.Web.Tests.Support.FormSignIn;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Access;

/// <summary>The sign-in form as a browser posts it: antiforgery, lockout, safe return addresses, audit.</summary>
public sealed class SignInTests(SignInTests.App app) : IClassFixture<SignInTests.App>
{
    /// <summary>The street without cases, locking an account after 3 wrong passwords; a test that fails sign-ins does so on a person of its own.</summary>
    public sealed class App() : SharedApp(new CommandCenterFactory { DemoCases = 0, Settings = new Dictionary<string, string> { ["Access:MaxFailedSignIns"] = "3" } });

    private readonly CommandCenterFactory _factory = app.Factory;

    [Fact]
    public async Task RightPassword_SignsIn_AndLandsOnTheConsole_ThenTheApiKnowsThePost()
    {
        using var browser = Browser(_factory);

        var landed = await SignInAsync(browser, "dispatcher", DemoAccounts.Password);

        Assert.Equal("/", landed);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/cases/?pageSize=1")).StatusCode);
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Source = ActSource.Console });
        Assert.Contains(audit.Items, e => e.Action == AuditActions.SignedIn && e.ActorRole == AccessRole.Dispatcher);
    }

    [Fact]
    public async Task GridWorkers_LandOnTheirPhoneTasks()
    {
        using var browser = Browser(_factory);

        Assert.Equal("/m", await SignInAsync(browser, "grid", DemoAccounts.Password));
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        var person = await TestPeople.AddAsync(_factory.ClientAs("admin"));
        using var browser = Browser(_factory);

        Assert.Equal($"/account/login?error=invalid&user={person.UserName}", await SignInAsync(browser, person.UserName, "Wrong-password-1"));
        Assert.StartsWith("/account/login?error=invalid", await SignInAsync(browser, person.UserName, "Wrong-password-2"));
        Assert.StartsWith("/account/login?error=locked", await SignInAsync(browser, person.UserName, "Wrong-password-3"));
        Assert.StartsWith("/account/login?error=locked", await SignInAsync(browser, person.UserName, person.Password));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cases/")).StatusCode);
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Actor = person.Name });
        Assert.Contains(audit.Items, e => e.Action == AuditActions.LockedOut);
    }

    [Fact]
    public async Task ASignInsCountOfFailures_IsWrittenThroughTheWriteGate_LikeEveryOtherChange()
    {
        var person = await TestPeople.AddAsync(_factory.ClientAs("admin"));
        using var browser = Browser(_factory);
        var gate = _factory.Services.GetRequiredService<WriteGate>();

        Task<string> refused;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            refused = SignInAsync(browser, person.UserName, "Wrong-password-1");
            // The refusal is answered only after its count is stored: while another writer holds the gate, it waits.
            await Task.Delay(1_000);
            Assert.False(refused.IsCompleted);
            Assert.Equal(0, await FailuresOfAsync(person.UserName));
        }

        Assert.StartsWith("/account/login?error=invalid", await refused);
        Assert.Equal(1, await FailuresOfAsync(person.UserName));
    }

    private async Task<int> FailuresOfAsync(string userName)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.AccessFailedCount).SingleAsync();
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryToken_IsSentBackToSignIn_SignedOut()
    {
        using var browser = Browser(_factory);

        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["userName"] = "admin", ["password"] = DemoAccounts.Password }));

        Assert.Equal("/account/login?error=expired&user=admin", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cases/")).StatusCode);
    }

    [Fact]
    public async Task AReturnAddressOnAnotherSite_IsIgnored()
    {
        using var browser = Browser(_factory);

        Assert.Equal("/", await SignInAsync(browser, "admin", DemoAccounts.Password, returnUrl: "//evil.example/steal"));
    }

    [Fact]
    public async Task DemoAccounts_AreRefusedInProduction_WithoutDemoData()
    {
        await using var production = new CommandCenterFactory
        {
            DatabaseFile = _factory.DatabaseFile, Environment = "Production",
            Settings = new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" },
        };
        using var browser = Browser(production);

        Assert.StartsWith("/account/login?error=demo", await SignInAsync(browser, "admin", DemoAccounts.Password));
    }
}
