using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Hubs;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Hubs;

/// <summary>A revoked wall player's open hub connection is closed, and it cannot come back.</summary>
public sealed class TokenRevocationTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task RevokingADisplayToken_ClosesItsOpenConnection_AndRefusesTheNextOne()
    {
        var tokens = app.Factory.Services.GetRequiredService<AccessTokenService>();
        var issued = await tokens.CreateDisplayAsync("lobby wall", null, null, Post.System(ActSource.Console));
        await using var connection = Connect(issued.Secret);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        await connection.InvokeAsync("JoinStreet", app.Factory.Services.GetRequiredService<OrganisationDirectory>().Streets.Single().Id);

        await tokens.RevokeAsync(issued.Token.Id, Post.System(ActSource.Console));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var again = Connect(issued.Secret);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private HubConnection Connect(string token) =>
        LiveHubClient.Connect(app.Factory, token);
}
