using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Web.Tests.Api;

/// <summary>One app for the HTTP error tests, with room for many public submissions.</summary>
public sealed class HttpErrorApp : IAsyncLifetime
{
    public CommandCenterFactory Factory { get; } = new() { Settings = new Dictionary<string, string> { ["PublicLimits:SubmissionsPerTenMinutes"] = "1000" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// Requests as someone from outside sends them: broken and oversized bodies, wrong methods and media
/// types, no sign-in. Every answer is a 4xx with a code and a sentence in the request's language —
/// ProblemDetails for the API, a plain page for pages — and the refusals of unreadable bodies are logged.
/// </summary>
public sealed class HttpErrorTests(HttpErrorApp app) : IClassFixture<HttpErrorApp>
{
    private const string Reports = "/api/public/reports";
    private const string SignIn = "/account/signin";

    public static TheoryData<string, string, byte[]> MalformedForms()
    {
        var part = "--b\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n垃圾没人清运很久了\r\n";
        return new()
        {
            { "no boundary", "multipart/form-data", Utf8("hello") },
            { "wrong boundary", "multipart/form-data; boundary=other", Utf8(part + "--b--\r\n") },
            { "200-character boundary", "multipart/form-data; boundary=" + new string('b', 200), Utf8(part + "--b--\r\n") },
            { "truncated body", "multipart/form-data; boundary=b", Utf8(part[..40]) },
            { "truncated part", "multipart/form-data; boundary=b", Utf8(part) },
            { "part without Content-Disposition", "multipart/form-data; boundary=b", Utf8("--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n") },
        };
    }

    public static TheoryData<string, string, byte[]> OversizedForms() => new()
    {
        { "20 KB part headers", "multipart/form-data; boundary=b",
            Utf8($"--b\r\nContent-Disposition: form-data; name=\"description\"\r\nX-Padding: {new string('x', 20 * 1024)}\r\n\r\nhello\r\n--b--\r\n") },
        { "2,000 multipart fields", "multipart/form-data; boundary=b",
            Utf8(string.Concat(Enumerable.Range(0, 2000).Select(i => $"--b\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n")) + "--b--\r\n") },
        { "5,000 url-encoded fields", "application/x-www-form-urlencoded", Utf8(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"f{i}=v"))) },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task MalformedForm_ToTheApi_Is400ProblemInTheCallersLanguage_AndLogged(string what, string contentType, byte[] body)
    {
        var stored = await CaseCountAsync();

        using var english = await PostAsync(Reports, contentType, body, "en-US");
        using var chinese = await PostAsync(Reports, contentType, body, "zh-CN");

        Assert.True(english.StatusCode == HttpStatusCode.BadRequest, what);
        var problem = await ApiClient.ProblemAsync(english);
        Assert.Equal("UnreadableBody", problem.GetProperty("code").GetString());
        Assert.Equal("The request's content could not be read; check its format and send it again.", problem.GetProperty("detail").GetString());
        Assert.Equal("请求内容无法读取，请检查格式后重新发送。", (await ApiClient.ProblemAsync(chinese)).GetProperty("detail").GetString());
        Assert.Contains(app.Factory.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(Reports) && l.Exception is null);
        Assert.Equal(stored, await CaseCountAsync());
    }

    [Theory]
    [MemberData(nameof(OversizedForms))]
    public async Task FormPastALimit_ToTheApi_Is413Problem(string what, string contentType, byte[] body)
    {
        using var response = await PostAsync(Reports, contentType, body);

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, what);
        Assert.Equal("PayloadTooLarge", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UploadPastThe32MegabyteLimit_Is413Problem()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("CT0001"), "courtyardCode" },
            { new ByteArrayContent(new byte[33 * 1024 * 1024]), "photos", "big.jpg" },
        };

        using var response = await app.Factory.CreateClient().PostAsync(Reports, form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PayloadTooLarge", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(MalformedForms))]
    [MemberData(nameof(OversizedForms))]
    public async Task BrokenForm_ToTheSignInForm_IsAPlainPage_NotJsonNorA500(string what, string contentType, byte[] body)
    {
        // Pages speak the language chosen on the site (zh-CN by default), not the browser's Accept-Language.
        using var response = await PostAsync(SignIn, contentType, body, "en-US");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{what}: {response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<p>请求内容", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/logout")]
    [InlineData("/r/CT0001")]
    public async Task BrokenForm_ToAnyPage_IsAPlainPage400(string path)
    {
        using var response = await PostAsync(path, "multipart/form-data", Utf8("hello"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignInWithJson_Is415PlainPage()
    {
        using var response = await PostAsync(SignIn, "application/json", Utf8("{\"userName\":\"admin\"}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RepeatedField_IsRefusedNamingIt_NotJoined()
    {
        var stored = await CaseCountAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("CT0001"), "courtyardCode" },
            { new StringContent("0101"), "categoryCode" },
            { new StringContent("垃圾桶满了没人清运"), "description" },
            { new StringContent("楼道堆满杂物"), "description" },
        };

        using var report = await app.Factory.CreateClient().PostAsync(Reports, form);
        using var signIn = await PostAsync(SignIn, "application/x-www-form-urlencoded", Utf8("userName=admin&userName=x&password=p"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, report.StatusCode);
        var problem = await ApiClient.ProblemAsync(report);
        Assert.Equal("Repeated", problem.GetProperty("code").GetString());
        Assert.Equal("description", problem.GetProperty("field").GetString());
        Assert.Equal(stored, await CaseCountAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, signIn.StatusCode);
        Assert.Contains("用户名 重复提交了多次", await signIn.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, HttpStatusCode, string> FrameworkAnswers() => new()
    {
        { "GET", "/api/cases", HttpStatusCode.Unauthorized, "Unauthorized" },
        { "GET", "/api/no-such-thing", HttpStatusCode.NotFound, "NotFound" },
        { "DELETE", Reports, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed" },
        { "PUT", "/api/public/courtyards/CT0001", HttpStatusCode.MethodNotAllowed, "MethodNotAllowed" },
    };

    [Theory]
    [MemberData(nameof(FrameworkAnswers))]
    public async Task FrameworkAnswer_CarriesCodeAndLocalizedDetail(string method, string path, HttpStatusCode status, string code)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.AcceptLanguage.ParseAdd("en-US");

        using var response = await app.Factory.CreateClient().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task PolicyForbids_Is403WithCodeAndDetail()
    {
        var http = app.Factory.ClientAs("grid");
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        using var response = await http.GetAsync("/api/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal("Forbidden", problem.GetProperty("code").GetString());
        Assert.Equal("Your post may not do this.", problem.GetProperty("detail").GetString());
    }

    public static TheoryData<string, string, string, HttpStatusCode, string> RefusedCallers() => new()
    {
        { "nobody", "GET", "/api/cases", HttpStatusCode.Unauthorized, "Unauthorized" },
        { "an unknown token", "GET", "/api/cases", HttpStatusCode.Unauthorized, "Unauthorized" },
        { "nobody", "POST", "/hubs/live/negotiate?negotiateVersion=1", HttpStatusCode.Unauthorized, "Unauthorized" },
        { "nobody", "POST", "/api/photos", HttpStatusCode.Unauthorized, "Unauthorized" },
        { "grid", "GET", "/api/admin/audit", HttpStatusCode.Forbidden, "Forbidden" },
        { "a display", "GET", "/api/cases", HttpStatusCode.Forbidden, "Forbidden" },
        { "a display", "POST", "/api/cases", HttpStatusCode.Forbidden, "Forbidden" },
    };

    [Theory]
    [MemberData(nameof(RefusedCallers))]
    public async Task UnauthorizedOrForbidden_CarriesACodeAndADetail_InTheCallersLanguage(string caller, string method, string path, HttpStatusCode status, string code)
    {
        var http = caller switch
        {
            "nobody" => app.Factory.CreateClient(),
            "an unknown token" => app.Factory.CreateClient().WithToken("cc_" + new string('x', 40)),
            "a display" => app.Factory.CreateClient().WithToken(TestAccess.DisplayToken(app.Factory.Services)),
            _ => app.Factory.ClientAs(caller),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task JsonToAFormOnlyOrTextToAJsonEndpoint_Is415Problem()
    {
        var http = app.Factory.ClientAs("admin");

        using var text = await http.PostAsync("/api/cases", new StringContent("hello", Encoding.UTF8, "text/plain"));
        using var json = await http.PostAsync(Reports, JsonContent.Create(new { courtyardCode = "CT0001" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("UnsupportedMediaType", (await ApiClient.ProblemAsync(text)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("NotAForm", (await ApiClient.ProblemAsync(json)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{\"channel\":\"Hotline\",\"categoryCode\":\"0101\",\"urgency\":\"Normal\",\"courtyardId\":\"abc\",\"description\":\"有效描述\"}", "courtyardId")]
    [InlineData("{\"channel\":\"Hotline\",\"categoryCode\":\"0101\",\"urgency\":\"Sometimes\",\"courtyardId\":1,\"description\":\"有效描述\"}", "urgency")]
    public async Task UnreadableJson_Is400NamingTheField(string body, string field)
    {
        using var response = await app.Factory.ClientAs("admin").PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal("UnreadableBody", problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task EveryDetailOfARequest_IsInItsLanguage()
    {
        var desk = new ApiClient(app.Factory.ClientAs("dispatcher"));
        var created = await desk.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 2, description = "楼道堆放杂物" });
        var grid = app.Factory.ClientAs("grid");

        var refusals = new List<string>();
        foreach (var language in new[] { "en-US", "zh-CN" })
        {
            desk.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
            desk.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            grid.DefaultRequestHeaders.AcceptLanguage.Clear();
            grid.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            foreach (var response in new[]
                     {
                         await desk.PostAsync(created.Id, "verify", new { passed = true }), // 409
                         await desk.Http.PostAsJsonAsync("/api/cases", new { channel = "Hotline", categoryCode = "01", urgency = "Normal", courtyardId = 2, description = "有效描述" }), // 422
                         await grid.PostAsync($"/api/cases/{created.Id}/accept", JsonContent.Create(new { })), // 403 or 404 outside the grid's scope
                     })
                refusals.Add((await ApiClient.ProblemAsync(response)).GetProperty("detail").GetString()!);
        }

        Assert.All(refusals[..3], detail => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", detail));
        Assert.All(refusals[3..], detail => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail));
        Assert.Contains("Verify", refusals[0]);
        Assert.Contains("核查", refusals[3]);
    }

    [Theory]
    [InlineData("CT0001", HttpStatusCode.OK)]
    [InlineData("ct0001", HttpStatusCode.OK)]
    [InlineData("CT00001", HttpStatusCode.NotFound)]
    [InlineData("CT001", HttpStatusCode.NotFound)]
    public async Task OnlyTheCanonicalCourtyardCode_Resolves(string code, HttpStatusCode status)
    {
        using var response = await app.Factory.CreateClient().GetAsync($"/api/public/courtyards/{code}");

        Assert.Equal(status, response.StatusCode);
    }

    [Theory]
    [InlineData("CT0001\u0000")]
    [InlineData("CT00001")]
    [InlineData("CT0001 ")]
    public async Task OnlyTheCanonicalCourtyardCode_IsAcceptedInAReport(string code)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(code), "courtyardCode" },
            { new StringContent("0101"), "categoryCode" },
            { new StringContent("垃圾桶满了没人清运"), "description" },
        };

        using var response = await app.Factory.CreateClient().PostAsync(Reports, form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("UnknownCourtyard", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string contentType, byte[] body, string language = "zh-CN")
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await app.Factory.CreateClient().SendAsync(request);
    }

    private async Task<int> CaseCountAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
