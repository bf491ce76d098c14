using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Organisation;

/// <summary>One person, one phone and sign-in, several posts: each post decides alone, and an ended one stays on record.</summary>
public sealed class StaffPostTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 2, 0, 0, DateTimeKind.Utc);
    private static readonly UnitId Committee = UnitId.From(7);
    private static readonly CommunityId Community = CommunityId.From(1);
    private static readonly GridId Grid = GridId.From(3);

    private static readonly Courtyard[] Courtyards =
    [
        new() { Id = CourtyardId.From(1), GridId = Grid, CommunityId = Community, Name = "江岸华庭" },
        new() { Id = CourtyardId.From(2), GridId = GridId.From(4), CommunityId = Community, Name = "御江苑" },
    ];

    /// <summary>A community's 书记 who is also the 网格长 of grid 3.</summary>
    private static Staff Secretary()
    {
        var staff = Staff.New(StaffId.From(5), "王芳", "13812345678", AccessRole.CommunityStaff, Committee, Community, null);
        staff.AddPost(AccessRole.GridWorker, Committee, Community, Grid, null);
        return staff;
    }

    [Fact]
    public void AddPost_GivesOnePersonASecondPost_NumberedAfterTheFirst()
    {
        var staff = Secretary();

        Assert.Equal([(1, AccessRole.CommunityStaff), (2, AccessRole.GridWorker)], staff.CurrentPosts.Select(p => (p.Number, p.Role)));
        Assert.Equal((AccessRole.CommunityStaff, 1), (staff.Role, staff.MainPost.Number));
    }

    [Fact]
    public void PostOf_FollowsTheChosenPost_ScopeAndRightsOfThatPostOnly()
    {
        var staff = Secretary();

        var asSecretary = Post.Of(staff, staff.CurrentPost(1)!, null, Courtyards, ActSource.Console);
        var asGridHead = Post.Of(staff, staff.CurrentPost(2)!, null, Courtyards, ActSource.Phone);

        Assert.Equal((ScopeKind.Community, 1, staff.Id), (asSecretary.Scope, asSecretary.PostNumber, asSecretary.StaffId));
        Assert.Equal((ScopeKind.Courtyards, 2, staff.Id), (asGridHead.Scope, asGridHead.PostNumber, asGridHead.StaffId));
        Assert.Equal([CourtyardId.From(1)], asGridHead.CourtyardIds);
        Assert.True(asSecretary.Can(Capability.PrintPosters));
        Assert.False(asGridHead.Can(Capability.PrintPosters));
        Assert.Equal(AccessRole.GridWorker, asGridHead.Actor.Role);
    }

    [Fact]
    public void EndPost_KeepsTheEndedPostOnRecord_AndItIsNoLongerCurrent()
    {
        var staff = Secretary();

        staff.EndPost(2, Now);

        Assert.Equal(2, staff.Posts.Count);
        Assert.Equal(Now, staff.Posts.Single(p => p.Number == 2).EndedAtUtc);
        Assert.Null(staff.CurrentPost(2));
        Assert.Equal([1], staff.CurrentPosts.Select(p => p.Number));
    }

    [Fact]
    public void EndPost_TheFirst_MakesTheNextCurrentPostTheMainOne_AndNewPostsAreNumberedAfterAll()
    {
        var staff = Secretary();

        staff.EndPost(1, Now);
        var third = staff.AddPost(AccessRole.CommunityStaff, Committee, Community, null, null);

        Assert.Equal((AccessRole.GridWorker, 2), (staff.Role, staff.MainPost.Number));
        Assert.Equal(3, third.Number);
    }

    [Fact]
    public void EndPost_TheLastCurrentOne_IsRefused_TheyAreMadeInactiveInstead()
    {
        var staff = Secretary();
        staff.EndPost(2, Now);

        Expect.Invalid("LastPost", "post", () => staff.EndPost(1, Now));
        Expect.Invalid("UnknownPost", "post", () => staff.EndPost(2, Now));
        Assert.Equal([1], staff.CurrentPosts.Select(p => p.Number));
    }

    [Fact]
    public void AddPost_AJobTheyHold_IsRefused_AndChangesNothing()
    {
        var staff = Secretary();

        Expect.Invalid("PostHeldTwice", "role", () => staff.AddPost(AccessRole.GridWorker, Committee, Community, Grid, null));
        Assert.Equal(2, staff.Posts.Count);
    }

    // Each row: a building head's post as given, and the code and field it is refused with.
    [Theory]
    [InlineData(false, true, "PostNeedsUnit", "unitId")]
    [InlineData(true, false, "PostNeedsCourtyard", "courtyardId")]
    public void New_ABuildingHeadWithoutUnitOrCourtyard_IsRefused(bool unit, bool courtyard, string code, string field) =>
        Expect.Invalid(code, field, () => StaffPost.New(1, AccessRole.BuildingHead, unit ? Committee : null, null, null, courtyard ? CourtyardId.From(1) : null));

    [Fact]
    public void New_ACourtyardOnAnotherPost_IsRefused() =>
        Expect.Invalid("PostTakesNoCourtyard", "courtyardId", () => StaffPost.New(1, AccessRole.GridWorker, null, Community, Grid, CourtyardId.From(1)));

    [Fact]
    public void CheckUnit_ABuildingHead_WorksForACourtyardLevelUnitServingTheirCourtyard()
    {
        var head = StaffPost.New(1, AccessRole.BuildingHead, Committee, null, null, CourtyardId.From(1));
        var owners = new HandlingUnit { Id = Committee, Name = "江岸华庭业主委员会", Kind = UnitKind.OwnersCommittee, ServedCourtyardIds = [CourtyardId.From(1)] };
        var elsewhere = new HandlingUnit { Id = Committee, Name = "御江苑业主委员会", Kind = UnitKind.OwnersCommittee, ServedCourtyardIds = [CourtyardId.From(2)] };
        var community = new HandlingUnit { Id = Committee, Name = "寸滩社区两委", Kind = UnitKind.CommunityCommittee, CommunityId = Community };

        head.CheckUnit(owners);

        Assert.Equal(HandlingLevel.Courtyard, owners.Level);
        Expect.Invalid("UnitDoesNotServeCourtyard", "courtyardId", () => head.CheckUnit(elsewhere));
        Expect.Invalid("PostNeedsCourtyardUnit", "unitId", () => head.CheckUnit(community));
    }

    [Fact]
    public void PostOf_ABuildingHead_CoversTheirOneCourtyard_AndHandlesTasks()
    {
        var staff = Staff.New(StaffId.From(9), "赵敏", "13912345678", AccessRole.BuildingHead, Committee, null, null, courtyardId: CourtyardId.From(2));

        var post = Post.Of(staff, staff.MainPost, null, Courtyards, ActSource.Phone);

        Assert.Equal((ScopeKind.Courtyards, Committee), (post.Scope, post.UnitId));
        Assert.Equal([CourtyardId.From(2)], post.CourtyardIds);
        Assert.True(post.Can(Capability.HandleTasks));
        Assert.False(post.Can(Capability.AdministerPeople));
    }
}
