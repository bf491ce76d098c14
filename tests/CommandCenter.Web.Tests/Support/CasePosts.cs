using System.Collections.Concurrent;
using System.Net.Http.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// Sends each case command as the post that takes it under the default table of who decides: the
/// unit holding the case signs, reports and asks; the dispatcher takes in, dispatches, checks and
/// decides; a street leader decides 缓办 and resumes or extends it. Tests that drive a case end to end read as before, while
/// the administrator, who runs no case command, only reports and reads.
/// </summary>
public sealed class CasePosts(WebApplicationFactory<Program> factory)
{
    /// <summary>The routes of the commands the unit holding a case runs.</summary>
    public static readonly IReadOnlySet<string> HolderRoutes = new HashSet<string> { "sign", "return", "progress", "done", "postponement", "deferral", "escalation-request" };

    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();

    public async Task<HttpClient> ClientForAsync(Guid caseId, string route)
    {
        var desk = Client("dispatcher");
        // A leader resumes or extends a deferral (恢复办理, 延长挂账).
        if (route.StartsWith("deferral/", StringComparison.Ordinal)) return Client("leader");
        if (!HolderRoutes.Contains(route) && !route.StartsWith("request/", StringComparison.Ordinal)) return desk;
        // A case the desk cannot see has no holder to ask: the desk sends it and hears 404.
        using var read = await desk.GetAsync($"/api/cases/{caseId}");
        var @case = read.IsSuccessStatusCode ? await read.Content.ReadFromJsonAsync<CaseDetail>(ApiClient.Json) : null;
        if (route.StartsWith("request/", StringComparison.Ordinal))
            return @case?.PendingRequest?.Kind == RequestKind.Deferral ? Client("leader") : desk;
        return @case?.Handling.CurrentUnitId is { } unit ? HolderOf(unit) : desk;
    }

    private HttpClient HolderOf(UnitId unit)
    {
        var staff = factory.Services.GetRequiredService<OrganisationDirectory>().Staff.First(s => s.UnitId == unit);
        return _clients.GetOrAdd($"staff {staff.Id}", _ => factory.CreateClient().WithToken(TestAccess.StaffToken(factory.Services, staff.Id)));
    }

    private HttpClient Client(string demoUser) =>
        _clients.GetOrAdd(demoUser, user => factory.CreateClient().WithToken(TestAccess.StaffToken(factory.Services, user)));
}
