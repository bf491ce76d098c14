using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Tests.Support;

namespace CommandCenter.Infrastructure.Tests.Cases;

/// <summary>Queues read for a post: every count and page stays inside its scope, searches included.</summary>
public sealed class ScopedQueryTests
{
    [Fact]
    public async Task ACommunitysSearch_CountsAndListsOnlyItsCommunitysCases()
    {
        await using var database = await TestDatabase.CreateAsync(demoCases: 400);
        var staff = database.Directory.Staff.First(s => s.Role == AccessRole.CommunityStaff);
        var post = database.Directory.PostOf(staff, ActSource.Console);
        var search = new CaseQuery { Search = "垃圾", PageSize = CaseQuery.MaxPageSize };

        var everywhere = await database.Queries.QueueAsync(TestDatabase.Everyone, search);
        var theirs = await database.Queries.QueueAsync(post, search);

        Assert.True(everywhere.TotalCount > theirs.TotalCount);
        Assert.Equal(theirs.Items.Count, theirs.TotalCount);
        Assert.All(theirs.Items, c => Assert.Equal(database.Directory.CommunityName(staff.CommunityId!.Value), c.CommunityName));
    }
}
