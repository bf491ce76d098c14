using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Public;

/// <summary>
/// Rate limits per client on the public API: past the limit a 429 ProblemDetails, and nothing is stored.
/// The tests share one app; the limits count per address, so each test comes from an address of its own.
/// </summary>
public sealed class PublicRateLimitTests(PublicRateLimitTests.App app) : IClassFixture<PublicRateLimitTests.App>
{
    public sealed class App() : SharedApp(new CommandCenterFactory
    {
        Settings = new Dictionary<string, string>
        {
            ["PublicLimits:SubmissionsPerTenMinutes"] = "2", ["PublicLimits:ReadsPerMinute"] = "3", ["Access:SignInAttemptsPerMinute"] = "2",
        },
    });

    private static int _addresses;
    private readonly CommandCenterFactory _factory = app.Factory;

    /// <summary>A client from an address no other test uses (a documentation address, set on the in-memory request; nothing is sent anywhere); it follows no redirects.</summary>
    private HttpClient ClientOfItsOwn()
    {
        var address = IPAddress.Parse($"192.0.2.{Interlocked.Increment(ref _addresses)}");
        return new HttpClient(_factory.Server.CreateHandler(http => http.Connection.RemoteIpAddress = address)) { BaseAddress = _factory.Server.BaseAddress };
    }

    [Fact]
    public async Task ThirdReportInTenMinutes_Is429()
    {
        using var http = ClientOfItsOwn();
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await http.PostAsync("/api/public/reports", Form());
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var refused = await http.PostAsync("/api/public/reports", Form());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("TooManyRequests", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        AssertRetryAfter(refused, TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task FourthReadInAMinute_Is429()
    {
        using var http = ClientOfItsOwn();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/public/courtyards/CT0001")).StatusCode);

        using var refused = await http.GetAsync("/api/public/courtyards/CT0001");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("TooManyRequests", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        AssertRetryAfter(refused, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("/r/CT0001")]
    [InlineData("/t/ABCDEFGHJKMN")]
    [InlineData("/public/honour-roll")]
    public async Task FourthResidentPageViewInAMinute_Is429PlainPage(string page)
    {
        using var http = ClientOfItsOwn();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(page)).StatusCode);

        using var refused = await http.GetAsync(page);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("来自此地址的请求过多", await refused.Content.ReadAsStringAsync());
        AssertRetryAfter(refused, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ThirdSignInAttemptFromOneAddressInAMinute_Is429PlainPage_WhateverTheAccount()
    {
        using var http = ClientOfItsOwn();
        foreach (var user in new[] { "admin", "dispatcher" })
            Assert.Equal(HttpStatusCode.Redirect, (await http.PostAsync("/account/signin", SignIn(user))).StatusCode);

        using var refused = await http.PostAsync("/account/signin", SignIn("leader"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        AssertRetryAfter(refused, TimeSpan.FromMinutes(1));
        Assert.Contains(_factory.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.StartsWith("Sign-in attempts from", StringComparison.Ordinal));
    }

    private static void AssertRetryAfter(HttpResponseMessage refused, TimeSpan window)
    {
        var seconds = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(seconds);
        Assert.InRange(seconds.Value, TimeSpan.FromSeconds(1), window);
    }

    private static FormUrlEncodedContent SignIn(string user) => new(new Dictionary<string, string> { ["userName"] = user, ["password"] = "wrong-Password1" });

    private static MultipartFormDataContent Form() => new()
    {
        { new StringContent("CT0001", Encoding.UTF8), "courtyardCode" },
        { new StringContent("0101", Encoding.UTF8), "categoryCode" },
        { new StringContent("垃圾桶满了没人清运", Encoding.UTF8), "description" },
    };
}
