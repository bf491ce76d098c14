using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;
using CommandCenter.Web.Setup;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CommandCenter.Web.Tests.Support.FormSignIn;

namespace CommandCenter.Web.Tests.Setup;

/// <summary>
/// A street going live: Production on an empty SQLite file without demo data is closed but for its
/// one-time setup, which takes the code the server logged and opens the street with its first administrator.
/// </summary>
public sealed partial class FirstStartTests : IAsyncLifetime
{
    private readonly CommandCenterFactory _factory = new()
    {
        Environment = "Production", DemoCases = 0, Settings = new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task BeforeSetup_OnlyTheSetupIsOpen_TheApiAnswers503WithItsCode_AndPagesGoToSetup()
    {
        using var browser = Browser(_factory);

        var api = await browser.GetAsync("/api/cases/");
        var hub = await browser.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        var page = await browser.GetAsync("/");
        var login = await browser.GetAsync("/account/login");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "SetupRequired"), (api.StatusCode, await CodeOf(api)));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "SetupRequired"), (hub.StatusCode, await CodeOf(hub)));
        Assert.Equal((HttpStatusCode.Redirect, "/setup"), (page.StatusCode, page.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/setup"), (login.StatusCode, login.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app.css")).StatusCode);
    }

    [Fact]
    public async Task TheSetupCode_IsLogged_AndAWrongOne_OrBadInput_StoresNothing()
    {
        using var client = _factory.CreateClient();
        var code = SetupCode();

        var wrong = await client.PostAsJsonAsync("/api/setup", Request("XXXX-XXXX-XXXX"));
        var badCode = await client.PostAsJsonAsync("/api/setup", Request(code) with { StreetCode = "寸滩" });
        var weak = await client.PostAsJsonAsync("/api/setup", Request(code) with { Password = "short" });

        Assert.Equal((HttpStatusCode.Forbidden, "SetupWrongCode"), (wrong.StatusCode, await CodeOf(wrong)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ("InvalidStreetCode", "streetCode")), (badCode.StatusCode, await CodeAndFieldOf(badCode)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "WeakPassword"), (weak.StatusCode, await CodeOf(weak)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/reference/communities")).StatusCode);
        Assert.Empty(_factory.Services.GetRequiredService<OrganisationDirectory>().Staff);
    }

    [Fact]
    public async Task TheSetup_OpensTheStreet_TheAdministratorSignsIn_AndItIsDoneOnce()
    {
        using var browser = Browser(_factory);

        var done = await browser.PostAsJsonAsync("/api/setup", Request(SetupCode()));
        var again = await browser.PostAsJsonAsync("/api/setup", Request(SetupCode()));

        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "SetupAlreadyDone"), (again.StatusCode, await CodeOf(again)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health")).StatusCode);
        var directory = _factory.Services.GetRequiredService<OrganisationDirectory>();
        Assert.Equal(("寸滩街道", "CT"), (directory.Streets.Single().Name, directory.Streets.Single().Code));
        Assert.Equal("/", await SignInAsync(browser, "wangfang", Password));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/admin/audit")).StatusCode);
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Actor = "王芳" });
        Assert.Contains(audit.Items, e => e.Action == AuditActions.SetupCompleted && e.ActorRole == AccessRole.Administrator && e.Source == ActSource.Api);
    }

    [Fact]
    public async Task TheSetupPage_PostsItsForm_AndSendsTheAdministratorToSignIn()
    {
        using var browser = Browser(_factory);
        var form = new Dictionary<string, string>
        {
            ["setupCode"] = SetupCode().ToLowerInvariant(), ["districtName"] = "江北区", ["streetName"] = "寸滩街道", ["streetCode"] = "ct",
            ["adminName"] = "王芳", ["adminPhone"] = "13812345678", ["userName"] = "wangfang", ["password"] = "Short1",
            ["__RequestVerificationToken"] = await TokenAsync(browser, "/setup"),
        };

        var refused = await browser.PostAsync("/setup/complete", new FormUrlEncodedContent(form));
        var refusedPage = await browser.GetStringAsync(refused.Headers.Location!.OriginalString);
        form["password"] = Password;
        var done = await browser.PostAsync("/setup/complete", new FormUrlEncodedContent(form));

        Assert.Equal("/setup?error=WeakPassword&field=password", refused.Headers.Location!.OriginalString);
        Assert.Contains("data-setup-message=\"WeakPassword\"", refusedPage);
        Assert.Equal("/account/login?reason=setup&user=wangfang", done.Headers.Location!.OriginalString);
        Assert.Equal("/", await SignInAsync(browser, "wangfang", Password));
    }

    [Fact]
    public async Task TheCommandLine_SetsUpWithoutACode_AndPrintsAPasswordThatSignsIn()
    {
        using var browser = Browser(_factory);
        var output = new StringWriter();

        var exit = await SetupCommand.RunAsync(_factory.Services,
            ["setup", "--admin", "王芳", "--phone", "13812345678", "--district", "江北区", "--street", "寸滩街道", "--code", "CT"], output);
        var twice = await SetupCommand.RunAsync(_factory.Services,
            ["setup", "--admin", "王芳", "--phone", "13812345678", "--district", "江北区", "--street", "寸滩街道", "--code", "CT"], new StringWriter());

        Assert.Equal((0, 2), (exit, twice));
        var password = PrintedPassword().Match(output.ToString()).Groups[1].Value;
        Assert.Equal("/", await SignInAsync(browser, SetupCommand.DefaultUserName, password));
    }

    [Fact]
    public async Task TheCommandLine_NamesTheOptionItRefuses()
    {
        _ = _factory.Server;
        var output = new StringWriter();

        var exit = await SetupCommand.RunAsync(_factory.Services, ["setup", "--admin", "王芳", "--phone", "13812345678", "--district", "江北区", "--street", "寸滩街道"], output);

        Assert.Equal(1, exit);
        Assert.StartsWith("--code:", output.ToString());
    }

    [Fact]
    public async Task AfterSetup_TheAdministratorAddsADispatcherWithASignIn_WhoThenWorksTheQueue()
    {
        using var admin = Browser(_factory);
        using var dispatcher = Browser(_factory);
        await admin.PostAsJsonAsync("/api/setup", Request(SetupCode()));
        await SignInAsync(admin, "wangfang", Password);
        var lina = new StaffRequest("李娜", "13912345678", AccessRole.Dispatcher, null, null, null, "lina", "Dispatch-2026");

        var added = await admin.PostAsJsonAsync("/api/admin/staff/", lina);
        var samePhone = await admin.PostAsJsonAsync("/api/admin/staff/", lina with { Name = "李娜娜", UserName = "lina2" });
        var noUnit = await admin.PostAsJsonAsync("/api/admin/staff/", lina with { Phone = "13912345679", Role = AccessRole.PropertyStaff, UserName = null });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ("DuplicatePhone", "phone")), (samePhone.StatusCode, await CodeAndFieldOf(samePhone)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ("PostNeedsUnit", "unitId")), (noUnit.StatusCode, await CodeAndFieldOf(noUnit)));
        Assert.Equal("/", await SignInAsync(dispatcher, "lina", "Dispatch-2026"));
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync("/api/cases/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/admin/staff/", lina with { Phone = "13912345670" })).StatusCode);
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Actor = "王芳" });
        Assert.Equal(2, audit.Items.Count(e => e.Action is AuditActions.StaffAdded or AuditActions.AccountCreated));
    }

    [Fact]
    public async Task TheAdministrator_DisablesASignIn_AndUnlocksIt_ButNotTheirOwn()
    {
        using var admin = Browser(_factory);
        await admin.PostAsJsonAsync("/api/setup", Request(SetupCode()));
        await SignInAsync(admin, "wangfang", Password);
        await admin.PostAsJsonAsync("/api/admin/staff/", new StaffRequest("李娜", "13912345678", AccessRole.Dispatcher, null, null, null, "lina", "Dispatch-2026"));

        var disabled = await admin.PostAsync("/api/admin/accounts/lina/disable", null);
        var own = await admin.PostAsync("/api/admin/accounts/wangfang/disable", null);
        var unknown = await admin.PostAsync("/api/admin/accounts/nobody/unlock", null);

        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "OwnAccount"), (own.StatusCode, await CodeOf(own)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var refused = Browser(_factory))
            Assert.StartsWith("/account/login?error=locked", await SignInAsync(refused, "lina", "Dispatch-2026"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/accounts/lina/unlock", null)).StatusCode);
        using var lina = Browser(_factory);
        Assert.Equal("/", await SignInAsync(lina, "lina", "Dispatch-2026"));
    }

    private const string Password = "Jiedao-2026";

    private static SetupRequest Request(string code) => new(code, "江北区", "寸滩街道", "CT", "王芳", "138 1234 5678", "wangfang", Password);

    private string SetupCode()
    {
        _ = _factory.Server;
        var line = _factory.Logs.Lines.Last(l => l.Message.Contains("setup code", StringComparison.Ordinal));
        return LoggedCode().Match(line.Message).Groups[1].Value;
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    private static async Task<(string? Code, string? Field)> CodeAndFieldOf(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString());
    }

    [GeneratedRegex("setup code ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})")]
    private static partial Regex LoggedCode();

    [GeneratedRegex(@"password (\S+) \(printed once")]
    private static partial Regex PrintedPassword();
}
