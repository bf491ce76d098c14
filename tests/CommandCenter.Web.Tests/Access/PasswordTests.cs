using System.Net;
using System.Net.Http.Json;
using static CommandCenter.Web.Tests.Support.TestPeople;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CommandCenter.Web.Tests.Support.FormSignIn;

namespace CommandCenter.Web.Tests.Access;

/// <summary>
/// Passwords after the account exists: an administrator's reset gives a one-time password that opens
/// nothing but the page replacing it (nor does a token acting as that person); people change their own;
/// the demo accounts keep their published password and stay refused outside a demo. A reset or a disabling
/// ends the person's open sessions at their next request — the cookie, a live circuit, and (disabled) the
/// tokens acting as them — while a person who changes their own password stays signed in.
/// </summary>
public sealed class PasswordTests(StreetApp app) : IClassFixture<StreetApp>
{
    private readonly CommandCenterFactory _factory = app.Factory;
    private readonly HttpClient _admin = app.Factory.ClientAs("admin");

    [Fact]
    public async Task AReset_EndsTheOldPassword_AndTheOneTimePasswordOpensOnlyThePasswordPage()
    {
        var person = await TestPeople.AddAsync(_admin);
        var temporary = await ResetAsync(person.UserName);
        using var lina = Browser(_factory);
        var landed = await SignInAsync(lina, person.UserName, temporary, returnUrl: "/queues");

        Assert.StartsWith("/account/login?error=invalid", await SignInAsync(Browser(_factory), person.UserName, person.Password));
        Assert.Equal("/account/password?returnUrl=%2Fqueues", landed);
        var api = await lina.GetAsync("/api/cases/");
        Assert.Equal((HttpStatusCode.Forbidden, "PasswordChangeRequired"), (api.StatusCode, await CodeOf(api)));
        var page = await lina.GetAsync("/");
        Assert.Equal((HttpStatusCode.Redirect, PasswordEndpoints.PagePath), (page.StatusCode, page.Headers.Location!.OriginalString));
        Assert.Contains("data-password-due", await lina.GetStringAsync(PasswordEndpoints.PagePath));
        var token = _factory.CreateClient().WithToken(TestAccess.StaffToken(_factory.Services, person.Id));
        var byToken = await token.GetAsync("/api/cases/");
        Assert.Equal((HttpStatusCode.Forbidden, "PasswordChangeRequired"), (byToken.StatusCode, await CodeOf(byToken)));
    }

    [Fact]
    public async Task AfterTheReset_ThePersonSetsTheirOwn_ThroughThePage_AndIsLetIn()
    {
        var person = await TestPeople.AddAsync(_admin);
        var temporary = await ResetAsync(person.UserName);
        using var lina = Browser(_factory);
        await SignInAsync(lina, person.UserName, temporary);

        var mismatch = await ChangeWithFormAsync(lina, temporary, "Mine-2026-new", "Mine-2026-neW");
        var same = await ChangeWithFormAsync(lina, temporary, temporary, temporary);
        var done = await ChangeWithFormAsync(lina, temporary, "Mine-2026-new", "Mine-2026-new");

        Assert.Equal("/account/password?error=PasswordMismatch&field=confirmPassword", mismatch);
        Assert.Equal("/account/password?error=PasswordUnchanged&field=newPassword", same);
        Assert.Equal("/", done);
        Assert.Equal(HttpStatusCode.OK, (await lina.GetAsync("/api/cases/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lina.GetAsync("/")).StatusCode);
        using var again = Browser(_factory);
        Assert.Equal("/", await SignInAsync(again, person.UserName, "Mine-2026-new"));
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { PageSize = AuditQuery.MaxPageSize });
        var about = $"{person.UserName} of staff {person.Id}";
        Assert.Contains(audit.Items, e => e.Action == AuditActions.PasswordReset && e.ActorRole == AccessRole.Administrator && e.Detail == about);
        Assert.Contains(audit.Items, e => e.Action == AuditActions.PasswordChanged && e.ActorRole == AccessRole.Dispatcher && e.Detail == about);
    }

    [Fact]
    public async Task ChangingOwnPassword_ThroughTheApi_NeedsTheCurrentOne_AndAStrongNewOne()
    {
        var person = await TestPeople.AddAsync(_admin);
        using var lina = Browser(_factory);
        await SignInAsync(lina, person.UserName, person.Password);

        var wrong = await lina.PostAsJsonAsync(PasswordEndpoints.ApiPath, new PasswordChangeRequest("Not-mine-2026", "Mine-2026-new"));
        var weak = await lina.PostAsJsonAsync(PasswordEndpoints.ApiPath, new PasswordChangeRequest(person.Password, "short"));
        var done = await lina.PostAsJsonAsync(PasswordEndpoints.ApiPath, new PasswordChangeRequest(person.Password, "Mine-2026-new"));
        var byToken = await _admin.PostAsJsonAsync(PasswordEndpoints.ApiPath, new PasswordChangeRequest(DemoAccounts.Password, "Mine-2026-new"));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "WrongPassword"), (wrong.StatusCode, await CodeOf(wrong)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "WeakPassword"), (weak.StatusCode, await CodeOf(weak)));
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byToken.StatusCode);
        // The session that changed it goes on with the new security stamp.
        Assert.Equal(HttpStatusCode.OK, (await lina.GetAsync("/api/cases/")).StatusCode);
        using var again = Browser(_factory);
        Assert.Equal("/", await SignInAsync(again, person.UserName, "Mine-2026-new"));
    }

    [Fact]
    public async Task ResettingAnUnknownOrADemoAccount_IsRefused_AndChangesNothing()
    {
        var person = await TestPeople.AddAsync(_admin);
        var unknown = await _admin.PostAsync("/api/admin/accounts/nobody/reset-password", null);
        var demo = await _admin.PostAsync("/api/admin/accounts/dispatcher/reset-password", null);
        var notAdmin = await _factory.ClientAs("dispatcher").PostAsync($"/api/admin/accounts/{person.UserName}/reset-password", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "DemoAccount"), (demo.StatusCode, await CodeOf(demo)));
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        using var browser = Browser(_factory);
        Assert.Equal("/", await SignInAsync(browser, "dispatcher", DemoAccounts.Password));
        Assert.Equal("/", await SignInAsync(Browser(_factory), person.UserName, person.Password));
    }

    [Fact]
    public async Task DemoAccounts_AreRefusedOutsideDevelopment_WithoutDemoData()
    {
        var person = await TestPeople.AddAsync(_admin);
        await using var staging = new CommandCenterFactory
        {
            DatabaseFile = _factory.DatabaseFile, Environment = "Staging",
            Settings = new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" },
        };
        using var browser = Browser(staging);

        Assert.StartsWith("/account/login?error=demo", await SignInAsync(browser, "admin", DemoAccounts.Password));
        Assert.Equal("/", await SignInAsync(Browser(staging), person.UserName, person.Password));
    }

    [Fact]
    public async Task AReset_RefusesTheOpenCookie_AtItsNextRequest_OnPagesAndApi()
    {
        var person = await TestPeople.AddAsync(_admin);
        using var lina = Browser(_factory);
        await SignInAsync(lina, person.UserName, person.Password);
        Assert.Equal(HttpStatusCode.OK, (await lina.GetAsync("/api/cases/")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/admin/accounts/{person.UserName}/reset-password", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await lina.GetAsync("/api/cases/")).StatusCode);
        var page = await lina.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Disabling_EndsTheCookieAndTheTokensActingAsThePerson_AndUnlocking_LetsThemBackIn()
    {
        var person = await TestPeople.AddAsync(_admin);
        using var lina = Browser(_factory);
        await SignInAsync(lina, person.UserName, person.Password);
        using var token = _factory.CreateClient().WithToken(TestAccess.StaffToken(_factory.Services, person.Id));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/cases/")).StatusCode);

        Assert.True((await _admin.PostAsync($"/api/admin/accounts/{person.UserName}/disable", null)).IsSuccessStatusCode);
        var cookie = await lina.GetAsync("/api/cases/");
        var byToken = await token.GetAsync("/api/cases/");
        Assert.True((await _admin.PostAsync($"/api/admin/accounts/{person.UserName}/unlock", null)).IsSuccessStatusCode);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (cookie.StatusCode, byToken.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/cases/")).StatusCode);
        using var again = Browser(_factory);
        Assert.Equal("/", await SignInAsync(again, person.UserName, person.Password));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/cases/")).StatusCode);
    }

    [Fact]
    public async Task AnOpenCircuit_IsSignedOut_AsSoonAsTheResetCommits()
    {
        var person = await TestPeople.AddAsync(_admin);
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync((await users.FindByNameAsync(person.UserName))!);
        var circuit = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)circuit).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var ended = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.AuthenticationStateChanged += async state => ended.TrySetResult(await state);

        // Another person's change reloads the directory too and leaves this circuit alone.
        await TestPeople.AddAsync(_admin);
        Assert.False(ended.Task.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/admin/accounts/{person.UserName}/reset-password", null)).StatusCode);

        var state = await ended.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task ChangingOwnPassword_KeepsThisSession_AndEndsThePersonsOtherOnes()
    {
        var person = await TestPeople.AddAsync(_admin);
        using var here = Browser(_factory);
        using var elsewhere = Browser(_factory);
        await SignInAsync(here, person.UserName, person.Password);
        await SignInAsync(elsewhere, person.UserName, person.Password);

        var changed = await here.PostAsJsonAsync(PasswordEndpoints.ApiPath, new PasswordChangeRequest(person.Password, "Mine-2026-new"));

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/cases/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/cases/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/cases/")).StatusCode);
    }

    private async Task<string> ResetAsync(string userName)
    {
        var response = await _admin.PostAsync($"/api/admin/accounts/{userName}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<PasswordResetAnswer>(ApiClient.Json))!;
        SignInRules.Password(answer.TemporaryPassword);
        return answer.TemporaryPassword;
    }

    private static async Task<string> ChangeWithFormAsync(HttpClient browser, string current, string next, string confirm)
    {
        var token = await TokenAsync(browser, PasswordEndpoints.PagePath);
        var response = await browser.PostAsync(PasswordEndpoints.FormPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = confirm, ["returnUrl"] = "", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
