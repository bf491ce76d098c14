using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Api;

public sealed class ApiErrorTests(ApiApp app) : IClassFixture<ApiApp>
{
    private ApiClient Api => app.Api;

    [Fact]
    public async Task QueueTimeFilter_TakesTheStatusesByName_AndRefusesAnyOtherWithACode()
    {
        foreach (var status in Enum.GetNames<Domain.Cases.TimeStatus>())
            Assert.Equal(HttpStatusCode.OK, (await Api.Http.GetAsync($"/api/cases?time={status}&pageSize=1")).StatusCode);

        var response = await Api.Http.GetAsync("/api/cases?time=Late");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());
        Assert.False(string.IsNullOrEmpty((await ApiClient.ProblemAsync(response)).GetProperty("code").GetString()));
    }

    [Fact]
    public async Task UnknownCase_Is404Problem()
    {
        var response = await Api.Http.GetAsync($"/api/cases/{Guid.NewGuid()}");
        var command = await Api.PostAsync(Guid.NewGuid(), "sign");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, command.StatusCode);
    }

    [Fact]
    public async Task CommandTheStateForbids_Is409NamingCommandAndState_AndChangesNothing()
    {
        var created = await ReportAsync();
        // The detail is in the caller's language (zh-CN unless asked); English names the command "Verify".
        using var verify = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{created.Id}/verify") { Content = JsonContent.Create(new { passed = true }) };
        verify.Headers.AcceptLanguage.ParseAdd("en-US");

        var response = await (await Api.SenderAsync(created.Id, "verify")).SendAsync(verify);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal("StateForbids", problem.GetProperty("code").GetString());
        Assert.Equal("Verify", problem.GetProperty("command").GetString());
        Assert.Equal("Reported", problem.GetProperty("state").GetString());
        Assert.Contains("Verify", problem.GetProperty("detail").GetString());
        Assert.Equivalent(created, await Api.GetAsync(created.Id), strict: true);
    }

    [Fact]
    public async Task StaleExpectedVersion_Is409Conflict_AndChangesNothing()
    {
        var created = await ReportAsync();
        await Api.CommandAsync(created.Id, "accept");
        var before = await Api.GetAsync(created.Id);

        var response = await Api.PostAsync(created.Id, "supervise", new { note = "尽快", expectedVersion = created.Version });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Conflict", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equivalent(before, await Api.GetAsync(created.Id), strict: true);
    }

    [Theory]
    [InlineData("", "description")]
    [InlineData("9999", "categoryCode")]
    [InlineData("01", "categoryCode")]
    public async Task InvalidIntake_Is422NamingTheField_AndStoresNothing(string categoryCode, string field)
    {
        var total = await TotalAsync();
        var response = await Api.Http.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = categoryCode.Length == 0 ? "0101" : categoryCode, urgency = "Normal", courtyardId = 1,
            description = categoryCode.Length == 0 ? "   " : "有效描述",
        }, ApiClient.Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(field, (await ApiClient.ProblemAsync(response)).GetProperty("field").GetString());
        Assert.Equal(total, await TotalAsync());
    }

    [Theory]
    [InlineData("channel", "Required")]
    [InlineData("urgency", "Required")]
    [InlineData("courtyardId", "Required")]
    [InlineData("channel", "UnknownValue", 99)]
    [InlineData("urgency", "UnknownValue", 99)]
    public async Task IntakeWithAMissingOrUndefinedValueField_Is422NamingIt_AndStoresNothing(string field, string code, int? value = null)
    {
        var body = new Dictionary<string, object> { ["channel"] = "Hotline", ["categoryCode"] = "0101", ["urgency"] = "Normal", ["courtyardId"] = 1, ["description"] = "有效描述" };
        if (value is { } number) body[field] = number;
        else body.Remove(field);
        var total = await TotalAsync();

        var response = await Api.Http.PostAsJsonAsync("/api/cases", body, ApiClient.Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal((code, field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(total, await TotalAsync());
    }

    [Fact]
    public async Task IntakeIntoACourtyardOutsideTheCallersScope_Is403_AndStoresNothing()
    {
        var grid = app.Factory.ClientAs("grid");
        var directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        var post = directory.PostOf(DemoAccounts.StaffOf("grid", directory.Staff)!, ActSource.Api);
        var outside = directory.Courtyards.First(c => !post.CourtyardIds.Contains(c.Id));
        var total = await TotalAsync();

        var response = await grid.PostAsJsonAsync("/api/cases", new
        {
            channel = "GridPatrol", categoryCode = "0101", urgency = "Normal", courtyardId = outside.Id, description = "别的网格的垃圾",
        }, ApiClient.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(("Forbidden", "OutOfScope"), (problem.GetProperty("code").GetString(), problem.GetProperty("refusal").GetString()));
        Assert.Equal(total, await TotalAsync());
    }

    /// <summary>Every value field of every command: absent, it is refused by name instead of read as 0, false or the first enum value.</summary>
    [Theory]
    [InlineData("dispatch", "{}", "unitId")]
    [InlineData("merge", "{}", "targetCaseId")]
    [InlineData("return", "{\"note\":\"不属本单位\"}", "reason")]
    [InlineData("return", "{\"reason\":99}", "reason")]
    [InlineData("postponement", "{\"reason\":\"等待配件\"}", "newDeadlineUtc")]
    [InlineData("verify", "{\"note\":\"已核实\"}", "passed")]
    [InlineData("rate", "{\"comment\":\"很好\"}", "rating")]
    [InlineData("rate", "{\"rating\":99}", "rating")]
    [InlineData("rate", "{\"rating\":\"Satisfied\",\"source\":99}", "source")]
    [InlineData("accept", "{\"level\":99}", "level")]
    [InlineData("parts/close", "{\"result\":\"已处理\"}", "unitId")]
    public async Task CommandWithAMissingOrUndefinedValueField_Is422NamingIt_AndChangesNothing(string route, string json, string field)
    {
        // The unit's own commands need a unit holding the case, so the post that may send them is the one refused.
        var created = CasePosts.HolderRoutes.Contains(route) ? await SignedAsync() : await ReportAsync();
        var sender = await Api.SenderAsync(created.Id, route);

        var response = await sender.PostAsync($"/api/cases/{created.Id}/{route}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(field, (await ApiClient.ProblemAsync(response)).GetProperty("field").GetString());
        Assert.Equivalent(created, await Api.GetAsync(created.Id), strict: true);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2000-01-01T00:00:00Z")]
    public async Task PostponementOutsideItsBounds_Is422NamingTheDate_AndChangesNothing(string newDeadlineUtc)
    {
        var id = (await ReportAsync()).Id;
        await Api.CommandAsync(id, "accept");
        var unit = (await Api.GetAsync<System.Text.Json.JsonElement[]>("/api/reference/units?level=Courtyard&courtyardId=2"))[0].GetProperty("id").GetInt32();
        await Api.CommandAsync(id, "dispatch", new { unitId = unit });
        await Api.CommandAsync(id, "sign");
        var signed = await Api.GetAsync(id);

        var response = await Api.PostAsync(id, "postponement", new { reason = "等待配件", newDeadlineUtc });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("newDeadlineUtc", (await ApiClient.ProblemAsync(response)).GetProperty("field").GetString());
        Assert.Equivalent(signed, await Api.GetAsync(id), strict: true);
    }

    [Fact]
    public async Task InvalidCommandArgument_Is422_AndChangesNothing()
    {
        var created = await ReportAsync();

        var response = await Api.PostAsync(created.Id, "reject", new { reason = new string('x', 5000) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("TooLong", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equivalent(created, await Api.GetAsync(created.Id), strict: true);
    }

    [Fact]
    public async Task MalformedJsonOrMissingBody_Is400Problem()
    {
        var created = await ReportAsync();

        var malformed = await Api.Http.PostAsync($"/api/cases/{created.Id}/reject", new StringContent("{\"reason\":", Encoding.UTF8, "application/json"));
        var missing = await Api.PostAsync(created.Id, "reject");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        await ApiClient.ProblemAsync(missing);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryCommand()
    {
        var document = await Api.Http.GetStringAsync("/openapi/v1.json");

        foreach (var route in new[] { "accept", "dispatch", "sign", "return", "done", "verify", "rate", "escalate", "parts/close" })
            Assert.Contains($"/api/cases/{{id}}/{route}", document);
    }

    private async Task<int> TotalAsync() =>
        (await Api.GetAsync<System.Text.Json.JsonElement>("/api/cases?pageSize=1")).GetProperty("totalCount").GetInt32();

    private Task<Infrastructure.Cases.CaseDetail> ReportAsync() =>
        Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 2, description = "楼道堆放杂物" });

    /// <summary>A case signed for by a courtyard unit, as the administrator reads it.</summary>
    private async Task<Infrastructure.Cases.CaseDetail> SignedAsync()
    {
        var id = (await ReportAsync()).Id;
        await Api.CommandAsync(id, "accept");
        var unit = (await Api.GetAsync<System.Text.Json.JsonElement[]>("/api/reference/units?level=Courtyard&courtyardId=2"))[0].GetProperty("id").GetInt32();
        await Api.CommandAsync(id, "dispatch", new { unitId = unit });
        await Api.CommandAsync(id, "sign");
        return await Api.GetAsync(id);
    }
}
