using System.Net.Http.Headers;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// Real bearer tokens for tests, made through the same service an administrator uses, acting
/// as the staff member a demo user name signs in as (admin, dispatcher, grid, liaison…).
/// </summary>
public static class TestAccess
{
    public static string StaffToken(IServiceProvider services, string demoUser = "admin")
    {
        var directory = services.GetRequiredService<OrganisationDirectory>();
        var staff = DemoAccounts.StaffOf(demoUser, directory.Staff) ?? throw new ArgumentException($"No demo user {demoUser}.", nameof(demoUser));
        return services.GetRequiredService<AccessTokenService>().CreateStaffAsync($"test {demoUser}", staff.Id, Post.System(ActSource.Console)).GetAwaiter().GetResult().Secret;
    }

    /// <summary>A token for one particular staff member, e.g. the liaison of a given department.</summary>
    public static string StaffToken(IServiceProvider services, StaffId staffId) =>
        services.GetRequiredService<AccessTokenService>().CreateStaffAsync($"test staff {staffId}", staffId, Post.System(ActSource.Console)).GetAwaiter().GetResult().Secret;

    public static string DisplayToken(IServiceProvider services, CommunityId? communityId = null, StreetId? streetId = null) =>
        services.GetRequiredService<AccessTokenService>().CreateDisplayAsync("test wall", streetId, communityId, Post.System(ActSource.Console)).GetAwaiter().GetResult().Secret;

    public static HttpClient WithToken(this HttpClient client, string secret)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static HttpClient As(this HttpClient client, IServiceProvider services, string demoUser = "admin") =>
        client.WithToken(StaffToken(services, demoUser));
}
