using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Imports;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Organisation;

/// <summary>The roster (花名册) imported sheet by sheet: a file with mistakes imports nothing and names each; the same file twice changes nothing.</summary>
public sealed class RosterImportTests
{
    private static readonly ImportedFile File = new("花名册.xlsx", 4096, new string('a', 64));

    [Theory, TestedProviders]
    public async Task AFileWithBadRows_ImportsNothing_AndNamesEachProblem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var roster = database.Service<RosterImport>();
        var admin = database.Actor("Administrator");
        var community = database.Directory.Communities.First().Name;
        var staffBefore = database.Directory.Staff.Count;
        IReadOnlyList<IReadOnlyDictionary<string, string?>> rows =
        [
            Staff("李娜", "13900000001", "调度员"),
            Staff("张伟", "13900000002", "网格员", community: "没有这个社区"),
            Staff("王强", "13900000001", "调度员"),
            Staff("赵敏", "13900000003", "队长"),
            Staff("孙丽", "13900000004", "网格员", community: community),
            Staff(new string('长', Staff_MaxName + 1), "13900000005", "调度员"),
            Staff("周杰", "13900000006", "物业人员", unit: "没有这个单位"),
            Staff("吴芳", "12345", "调度员"),
        ];

        var preview = await roster.PreviewAsync(RosterSheet.Staff, rows, admin);
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => roster.AcceptAsync(RosterSheet.Staff, rows, File, admin));

        Assert.Equal((1, 7), (preview.New, preview.Invalid));
        Assert.Equal(
            [(3, "ImportUnknownCommunity", "社区"), (4, "ImportPhoneTwice", "电话"), (5, "ImportUnknownRole", "岗位"), (6, "PostNeedsGrid", "网格"),
             (7, "TooLong", "姓名"), (8, "ImportUnknownUnit", "单位"), (9, "InvalidPhone", "电话")],
            preview.Rows.Where(r => r.Kind == ImportRowKind.Invalid).Select(r => (r.Row, r.Problem!, r.Column!)));
        Assert.Equal("ImportNotClean", refused.Code);
        Assert.Equal(staffBefore, database.Directory.Staff.Count);
        await using var db = database.NewContext();
        Assert.Equal(staffBefore, await db.Staff.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.RosterImported));
    }

    /// <summary>A row with several mistakes names each of them, so one round of mending clears it; the row still counts once.</summary>
    [Theory, TestedProviders]
    public async Task ARowWithSeveralMistakes_NamesEachOfThem_AndCountsOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var roster = database.Service<RosterImport>();
        var admin = database.Actor("Administrator");
        IReadOnlyList<IReadOnlyDictionary<string, string?>> courtyards =
            [Row(("社区", "没有这个社区"), ("网格", "第一网格"), ("院落", "乐居小区"), ("类型", "别墅"), ("户数", "三百"), ("纬度", "29.58"), ("经度", "东经106"))];
        IReadOnlyList<IReadOnlyDictionary<string, string?>> staff = [Staff("吴芳", "12345", "队长"), Staff("李娜", "13900000001", "调度员")];

        var courtyardPreview = await roster.PreviewAsync(RosterSheet.Courtyards, courtyards, admin);
        var staffPreview = await roster.PreviewAsync(RosterSheet.Staff, staff, admin);

        Assert.Equal(
            [(2, "ImportUnknownCommunity", "社区"), (2, "ImportUnknownCourtyardKind", "类型"), (2, "ImportNotANumber", "户数"), (2, "ImportNotANumber", "经度")],
            courtyardPreview.Rows.Select(r => (r.Row, r.Problem!, r.Column!)));
        Assert.Equal((0, 1), (courtyardPreview.New, courtyardPreview.Invalid));
        Assert.Equal([(2, "InvalidPhone", "电话"), (2, "ImportUnknownRole", "岗位")],
            staffPreview.Rows.Where(r => r.Kind == ImportRowKind.Invalid).Select(r => (r.Row, r.Problem!, r.Column!)));
        Assert.Equal((1, 1), (staffPreview.New, staffPreview.Invalid));
    }

    [Theory, TestedProviders]
    public async Task TheSameFileTwice_ChangesNothing_AndAChangedRowUpdatesItsRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var roster = database.Service<RosterImport>();
        var admin = database.Actor("Administrator");
        var community = database.Directory.Communities.First();
        string grid;
        await using (var db = database.NewContext()) grid = (await db.Grids.FirstAsync(g => g.CommunityId == community.Id)).Name;
        IReadOnlyList<IReadOnlyDictionary<string, string?>> units = [Row(("名称", "重庆市乐居物业服务有限公司"), ("类型", "物业公司"))];
        IReadOnlyList<IReadOnlyDictionary<string, string?>> courtyards =
            [Row(("社区", community.Name), ("网格", grid), ("院落", "乐居小区"), ("类型", "商品房小区"), ("户数", "320"), ("纬度", "29.58"), ("经度", "106.59"), ("楼栋", "1号楼、2号楼"))];
        IReadOnlyList<IReadOnlyDictionary<string, string?>> staff =
            [Staff("李娜", "13900000001", "调度员", userName: "lina.roster"), Staff("周杰", "13900000006", "物业人员", unit: "重庆市乐居物业服务有限公司")];

        var first = await AcceptAllAsync();
        await using (var db = database.NewContext())
        {
            var account = await db.Users.SingleAsync(u => u.UserName == "lina.roster");
            Assert.True(account.MustChangePassword);
        }
        var second = await AcceptAllAsync();
        var changed = await roster.AcceptAsync(RosterSheet.Staff, [staff[0], Staff("周杰", "13900000006", "物业人员", unit: "重庆市乐居物业服务有限公司", active: "否")], File, admin);

        Assert.Equal([(1, 0, 0), (1, 0, 0), (2, 0, 0)], first.Select(r => (r.Summary.New, r.Summary.Changed, r.Summary.Unchanged)));
        Assert.Equal(["lina.roster"], first[2].SignIns.Select(s => s.UserName));
        Assert.Equal([(0, 0, 1), (0, 0, 1), (0, 0, 2)], second.Select(r => (r.Summary.New, r.Summary.Changed, r.Summary.Unchanged)));
        Assert.Empty(second[2].SignIns);
        Assert.Equal((0, 1, 1), (changed.Summary.New, changed.Summary.Changed, changed.Summary.Unchanged));
        var courtyard = database.Directory.Courtyards.Single(c => c.Name == "乐居小区");
        Assert.Equal(["1号楼", "2号楼"], database.Directory.BuildingsOf(courtyard.Id).Select(b => b.Name).Order());
        Assert.False(database.Directory.Staff.Single(s => s.Phone == "13900000006").IsActive);
        await using var after = database.NewContext();
        Assert.Equal(1, await after.Units.CountAsync(u => u.Name == "重庆市乐居物业服务有限公司"));
        Assert.Equal(1, await after.Users.CountAsync(u => u.UserName == "lina.roster"));
        var audit = await after.AuditEntries.Where(a => a.Action == AuditActions.RosterImported).Select(a => a.Detail).ToListAsync();
        Assert.Equal(7, audit.Count);
        Assert.All(audit, detail => Assert.Contains($"花名册.xlsx, 4096 bytes, SHA-256 {File.Sha256}", detail));

        async Task<List<RosterImported>> AcceptAllAsync() =>
        [
            await roster.AcceptAsync(RosterSheet.Units, units, File, admin),
            await roster.AcceptAsync(RosterSheet.Courtyards, courtyards, File, admin),
            await roster.AcceptAsync(RosterSheet.Staff, staff, File, admin),
        ];
    }

    [Theory, TestedProviders]
    public async Task APersonOnTwoRows_IsOnePersonWithTwoPosts_AndTheSameFileAgainChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var roster = database.Service<RosterImport>();
        var admin = database.Actor("Administrator");
        var community = database.Directory.Communities.First();
        string grid;
        await using (var db = database.NewContext()) grid = (await db.Grids.FirstAsync(g => g.CommunityId == community.Id)).Name;
        var committee = database.Directory.Units.First(u => u.CommunityId == community.Id).Name;
        IReadOnlyList<IReadOnlyDictionary<string, string?>> rows =
        [
            Staff("王芳", "13900000011", "社区工作人员", unit: committee, community: community.Name, userName: "wangfang.roster"),
            Staff("王芳", "13900000011", "网格员", unit: committee, community: community.Name, grid: grid),
            Staff("王芳另", "13900000011", "调度员"),
            Staff("王芳", "13900000011", "网格员", unit: committee, community: community.Name, grid: grid),
        ];

        var preview = await roster.PreviewAsync(RosterSheet.Staff, rows, admin);
        var first = await roster.AcceptAsync(RosterSheet.Staff, [.. rows.Take(2)], File, admin);
        var second = await roster.AcceptAsync(RosterSheet.Staff, [.. rows.Take(2)], File, admin);

        Assert.Equal([(4, "ImportPhoneTwice", "电话"), (5, "ImportRecordTwice", "岗位")],
            preview.Rows.Where(r => r.Kind == ImportRowKind.Invalid).Select(r => (r.Row, r.Problem!, r.Column!)));
        Assert.Equal((2, 0, 0), (first.Summary.New, first.Summary.Changed, first.Summary.Unchanged));
        Assert.Equal(["wangfang.roster"], first.SignIns.Select(s => s.UserName));
        Assert.Equal((0, 0, 2), (second.Summary.New, second.Summary.Changed, second.Summary.Unchanged));
        var person = database.Directory.Staff.Single(s => s.Phone == "13900000011");
        Assert.Equal([(1, AccessRole.CommunityStaff), (2, AccessRole.GridWorker)], person.CurrentPosts.Select(p => (p.Number, p.Role)));
        await using var after = database.NewContext();
        Assert.Equal(1, await after.Staff.CountAsync(s => s.Phone == "13900000011"));
        Assert.Equal(1, await after.Users.CountAsync(u => u.StaffId == person.Id));
    }

    [Theory, TestedProviders]
    public async Task TheStreetColumn_PlacesStreetLevelPeople_AndAnUnknownOrContradictingStreet_ImportsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var roster = database.Service<RosterImport>();
        var admin = database.Actor("Administrator");
        var community = database.Directory.Communities.First();
        var committee = database.Directory.Units.First(u => u.CommunityId == community.Id).Name;
        var second = new StreetId(database.Directory.Streets.Max(s => s.Id.Value) + 1);
        await using (var db = database.NewContext())
        {
            db.Streets.Add(new Street { Id = second, DistrictId = database.Directory.Street(community.StreetId)!.DistrictId, Name = "鱼嘴街道", Code = "YL" });
            await db.SaveChangesAsync();
        }
        IReadOnlyList<IReadOnlyDictionary<string, string?>> rows =
        [
            Staff("钱调度", "13900000021", "调度员", street: "鱼嘴街道"),
            Staff("孙领导", "13900000022", "街道领导", street: "yl"),
            Staff("李区级", "13900000023", "调度员"),
            Staff("周社工", "13900000024", "社区工作人员", unit: committee, community: community.Name),
        ];
        IReadOnlyList<IReadOnlyDictionary<string, string?>> bad =
        [
            Staff("吴调度", "13900000025", "调度员", street: "没有这个街道"),
            Staff("郑社工", "13900000026", "社区工作人员", unit: committee, community: community.Name, street: "鱼嘴街道"),
        ];

        var preview = await roster.PreviewAsync(RosterSheet.Staff, bad, admin);
        var first = await roster.AcceptAsync(RosterSheet.Staff, rows, File, admin);
        var again = await roster.AcceptAsync(RosterSheet.Staff, rows, File, admin);

        Assert.Equal([(2, "ImportUnknownStreet", "街道"), (3, "StreetContradictsPost", "街道")],
            preview.Rows.Where(r => r.Kind == ImportRowKind.Invalid).Select(r => (r.Row, r.Problem!, r.Column!)));
        Assert.Equal((4, 0), (first.Summary.New, first.Summary.Invalid));
        Assert.Equal((0, 0, 4), (again.Summary.New, again.Summary.Changed, again.Summary.Unchanged));
        await using var after = database.NewContext();
        var placed = await after.Staff.Where(s => s.Phone.StartsWith("1390000002")).OrderBy(s => s.Phone).Select(s => s.StreetId).ToListAsync();
        Assert.Equal([second, second, null, community.StreetId], placed);
    }

    private const int Staff_MaxName = Domain.Organisation.Staff.MaxNameLength;

    private static IReadOnlyDictionary<string, string?> Staff(string name, string phone, string role, string? unit = null, string? community = null,
        string? grid = null, string? active = null, string? userName = null, string? street = null) =>
        Row(("姓名", name), ("电话", phone), ("岗位", role), ("单位", unit), ("社区", community), ("网格", grid), ("院落", null), ("在岗", active), ("账号", userName),
            ("街道", street));

    private static IReadOnlyDictionary<string, string?> Row(params (string Column, string? Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value);
}
