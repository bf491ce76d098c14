using CommandCenter.Web.Tests.Support;
using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Web.Tests.Access;

/// <summary>
/// Every hub group × every post, by a real SignalR client with the post's token. P: joined;
/// F: refused as if the group did not exist; U: the connection itself is refused. Rows
/// with "a/b" are the post's own group, then another one.
/// </summary>
public sealed class HubGroupMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    //                                                      anon admin leader disp  comm  grid  liais prop  micro display
    private static readonly Dictionary<string, string> Matrix = new()
    {
        ["JoinStreet"] =                                    "U    P     P      P     F     F     F     F     F     P",
        ["JoinCommunity"] =                                 "U    P/P   P/P    P/P   P/F   F/F   F/F   F/F   F/F   P/P",
        // A display belongs to a street (0017): a unit's group may carry another street's cases.
        ["JoinUnit"] =                                      "U    P/P   P/P    P/P   P/F   F/F   P/F   P/F   P/F   F/F",
        ["JoinCase"] =                                      "U    P/P   P/P    P/P   P/F   P/F   P/F   P/F   P/F   P/P",
    };

    public static TheoryData<string> Groups() => [.. Matrix.Keys];

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task EveryPost_JoinsOnlyTheGroupsOfItsScope(string method)
    {
        var expected = Matrix[method].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var failures = new List<string>();
        for (var i = 0; i < AuthorizationMatrixTests.Callers.Length; i++)
        {
            var caller = AuthorizationMatrixTests.Callers[i];
            var scopes = expected[i].Split('/');
            for (var s = 0; s < scopes.Length; s++)
            {
                var outcome = await JoinAsync(caller, method, own: s == 0);
                if (outcome != scopes[s]) failures.Add($"{caller} {(s == 0 ? "own" : "other")} got {outcome}, expected {scopes[s]}");
            }
        }
        Assert.True(failures.Count == 0, $"{method}: {string.Join("; ", failures)}");
    }

    private async Task<string> JoinAsync(string caller, string method, bool own)
    {
        await using var connection = LiveHubClient.Connect(app.Factory, app.TokenOf(caller));
        try
        {
            await connection.StartAsync();
        }
        catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            return "U";
        }
        try
        {
            await connection.InvokeAsync(method, await ArgumentAsync(caller, method, own));
            return "P";
        }
        catch (HubException)
        {
            return "F";
        }
    }

    private async Task<object> ArgumentAsync(string caller, string method, bool own)
    {
        var post = app.PostOf(caller);
        var courtyard = own ? app.InScopeCourtyard(post) : app.OutOfScopeCourtyard(post);
        return method switch
        {
            "JoinStreet" => app.Directory.Streets.Single().Id,
            "JoinCommunity" => courtyard.CommunityId,
            "JoinUnit" => own ? post?.UnitId ?? new UnitId(1) : app.Directory.UnitsServing(HandlingLevel.Courtyard, courtyard.Id).First(u => u.Id != post?.UnitId).Id,
            _ => (await app.CaseForAsync(caller == "display" ? null : post, own)).Id,
        };
    }
}
