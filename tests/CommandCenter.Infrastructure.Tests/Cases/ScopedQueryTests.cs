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

    [Fact]
    public async Task ACourtyardPostsQueue_ListsOnlyTheCourtyardsItLooksAfter()
    {
        await using var database = await TestDatabase.CreateAsync(demoCases: 400);
        var staff = database.Directory.Staff.First(s => s.Role == AccessRole.PropertyStaff && database.Directory.Unit(s.UnitId!.Value)!.ServedCourtyardIds.Count > 1);
        var post = database.Directory.PostOf(staff, ActSource.Phone);
        var all = new CaseQuery { PageSize = CaseQuery.MaxPageSize };

        var everywhere = await database.Queries.QueueAsync(TestDatabase.Everyone, all);
        var theirs = await database.Queries.QueueAsync(post, all);

        Assert.InRange(theirs.TotalCount, 1, everywhere.TotalCount - 1);
        Assert.All(theirs.Items, c => Assert.Contains(c.CourtyardId, post.CourtyardIds));
    }
}
