using System.Net;
using System.Net.Http.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Access;

/// <summary>Changes to the rules (calendar, policies, routing) are audited like commands: who, when, from where.</summary>
public sealed class RuleChangeAuditTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task SettingACalendarDay_IsAuditedWithTheAdministrator()
    {
        var response = await app.Api.Http.PostAsJsonAsync("/api/calendar/days", new { date = "2026-12-31", kind = "Holiday", name = "跨年调休" }, ApiClient.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await app.Factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Source = ActSource.Api });
        var set = Assert.Single(entries.Items, e => e.Action == AuditActions.CalendarDaySet);
        Assert.Equal((AccessRole.Administrator, "The calendar"), (set.ActorRole, set.Detail));
        Assert.NotNull(set.StaffId);
    }
}
