using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Api;

/// <summary>The street-wide rules through the policies API: read, changed with the revision seen, refused when invalid, audited, applied at once.</summary>
public sealed class StreetRulesApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private ApiClient Api => app.Api;

    [Fact]
    public async Task StreetRules_StartAtTheDefaults_RoundTrip_AndApplyToTheDomainAtOnce()
    {
        var before = await Api.GetAsync<JsonElement>("/api/policies/street");

        var updated = await Api.Http.PutAsJsonAsync("/api/policies/street", new
        {
            evaluationWindowDays = 5, revisitWindowDays = 3, unsatisfiedReopeningsBeforeDecision = 1, backlogAfterDays = 90,
            expectedRevision = before.GetProperty("revision").GetInt32(),
        }, ApiClient.Json);
        var after = await Api.GetAsync<JsonElement>("/api/policies/street");

        Assert.Equal((7.0, 7.0, 2, 60.0), Values(before));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal((5.0, 3.0, 1, 90.0), Values(after));
        Assert.Equal(before.GetProperty("revision").GetInt32() + 1, after.GetProperty("revision").GetInt32());
        var street = app.Factory.Services.GetRequiredService<DeadlineRulesProvider>().Rules.Street;
        Assert.Equal((TimeSpan.FromDays(5), TimeSpan.FromDays(3), 1, TimeSpan.FromDays(90)),
            (street.EvaluationWindow, street.RevisitWindow, street.UnsatisfiedReopeningsBeforeDecision, street.BacklogAfter));
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.StreetRulesUpdated));
    }

    [Theory]
    [InlineData(0, 7, 2, 60, "evaluationWindowDays")]
    [InlineData(7, 120, 2, 60, "revisitWindowDays")]
    [InlineData(7, 7, 11, 60, "unsatisfiedReopeningsBeforeDecision")]
    [InlineData(7, 7, 2, 0, "backlogAfterDays")]
    public async Task StreetRules_OutOfRange_Are422NamingTheField_AndNothingChanges(double evaluation, double revisit, int reopenings, double backlog, string field)
    {
        var before = await Api.GetAsync<JsonElement>("/api/policies/street");

        var response = await Api.Http.PutAsJsonAsync("/api/policies/street", new
        {
            evaluationWindowDays = evaluation, revisitWindowDays = revisit, unsatisfiedReopeningsBeforeDecision = reopenings, backlogAfterDays = backlog,
            expectedRevision = before.GetProperty("revision").GetInt32(),
        }, ApiClient.Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(field, (await ApiClient.ProblemAsync(response)).GetProperty("field").GetString());
        Assert.Equal(before.GetRawText(), (await Api.GetAsync<JsonElement>("/api/policies/street")).GetRawText());
    }

    [Fact]
    public async Task StreetRules_WithAStaleRevision_Are409_AndAMissingField422()
    {
        var revision = (await Api.GetAsync<JsonElement>("/api/policies/street")).GetProperty("revision").GetInt32();

        var stale = await Api.Http.PutAsJsonAsync("/api/policies/street", new
        {
            evaluationWindowDays = 6, revisitWindowDays = 6, unsatisfiedReopeningsBeforeDecision = 2, backlogAfterDays = 60, expectedRevision = revision - 1,
        }, ApiClient.Json);
        var missing = await Api.Http.PutAsJsonAsync("/api/policies/street", new
        {
            evaluationWindowDays = 6, unsatisfiedReopeningsBeforeDecision = 2, backlogAfterDays = 60, expectedRevision = revision,
        }, ApiClient.Json);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("revisitWindowDays", (await ApiClient.ProblemAsync(missing)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task StreetRules_AreTheAdministratorsToChange()
    {
        var leader = app.Factory.Services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>().Staff.First(s => s.Role == AccessRole.StreetLeader);

        using var response = await app.ApiAs(leader.Id).Http.PutAsJsonAsync("/api/policies/street", new
        {
            evaluationWindowDays = 6, revisitWindowDays = 6, unsatisfiedReopeningsBeforeDecision = 2, backlogAfterDays = 60, expectedRevision = 1,
        }, ApiClient.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static (double, double, int, double) Values(JsonElement rules) => (
        rules.GetProperty("evaluationWindowDays").GetDouble(), rules.GetProperty("revisitWindowDays").GetDouble(),
        rules.GetProperty("unsatisfiedReopeningsBeforeDecision").GetInt32(), rules.GetProperty("backlogAfterDays").GetDouble());
}
