using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Public;

/// <summary>Rate limits per client on the public API: past the limit a 429 ProblemDetails, and nothing is stored.</summary>
public sealed class PublicRateLimitTests : IAsyncLifetime
{
    private readonly CommandCenterFactory _factory = new()
    {
        Settings = new Dictionary<string, string> { ["PublicLimits:SubmissionsPerTenMinutes"] = "2", ["PublicLimits:ReadsPerMinute"] = "3" },
    };

    [Fact]
    public async Task ThirdReportInTenMinutes_Is429()
    {
        var http = _factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await http.PostAsync("/api/public/reports", Form());
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var refused = await http.PostAsync("/api/public/reports", Form());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("TooManyRequests", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task FourthReadInAMinute_Is429()
    {
        var http = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/public/courtyards/CT0001")).StatusCode);

        using var refused = await http.GetAsync("/api/public/courtyards/CT0001");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static MultipartFormDataContent Form() => new()
    {
        { new StringContent("CT0001", Encoding.UTF8), "courtyardCode" },
        { new StringContent("0101", Encoding.UTF8), "categoryCode" },
        { new StringContent("垃圾桶满了没人清运", Encoding.UTF8), "description" },
    };
}
