using CommandCenter.Domain.Access;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Infrastructure.DemoData;

/// <summary>
/// Where a category goes once it leaves the community: the street office that handles it and,
/// at district level, the lead department and the departments that may co-handle it.
/// </summary>
public sealed record DemoRoute(HandlingUnit StreetOffice, HandlingUnit DistrictLead, IReadOnlyList<HandlingUnit> DistrictCoHandlers);

/// <summary>
/// The reference data of the demo street, modelled on the public figures for 寸滩街道 (江北区, 重庆):
/// 10 communities, 34 courtyards, about 49,800 homes, nearly half of them resettlement estates.
/// Deterministic: every call of <see cref="Build"/> gives the same objects with the same ids (from 1 per type).
/// </summary>
public sealed class DemoStreet
{
    private const double CentreLatitude = 29.59;
    private const double CentreLongitude = 106.60;
    private const double KmPerDegreeLatitude = 110.85;

    private static readonly (string Name, int Grids, double EastKm, double NorthKm)[] CommunityTable =
    [
        ("寸滩社区", 3, 2.4, -0.9),
        ("海尔路社区", 3, -3.6, 0.45),
        ("黑石子社区", 2, 4.4, -0.15),
        ("港城社区", 3, 0.8, -0.22),
        ("石盘河社区", 2, -1.6, 1.2),
        ("五宝社区", 2, -4.4, -0.45),
        ("港安社区", 3, 3.2, 0.75),
        ("滨江社区", 2, -1.2, -1.2),
        ("长安社区", 2, 0.4, 1.42),
        ("东港社区", 2, 4.4, 1.35),
    ];

    private static readonly string[] PropertyCompanyNames =
    [
        "重庆渝港物业服务有限公司", "重庆江岸物业管理有限公司", "重庆江北安居物业服务有限公司",
        "重庆御景物业服务有限公司", "重庆石盘物业管理有限公司", "重庆港务物业服务有限公司",
        "重庆港城国际物业服务有限公司", "重庆五宝物业管理有限公司", "重庆滨江物业服务有限公司",
        "重庆港安物业管理有限公司", "重庆锦城物业服务有限公司", "重庆长安物业管理有限公司",
    ];

    // Community is an index into CommunityTable; Company a number in PropertyCompanyNames, 0 when none
    // looks after the courtyard (it then gets a courtyard group of its own).
    private static readonly (int Community, string Name, CourtyardKind Kind, int Homes, int Buildings, int Company)[] CourtyardTable =
    [
        (0, "寸滩新村", CourtyardKind.Resettlement, 2980, 16, 1),
        (0, "寸滩老街小区", CourtyardKind.Old, 420, 9, 0),
        (0, "江岸华庭", CourtyardKind.Commercial, 1680, 12, 2),
        (0, "寸滩街87号院", CourtyardKind.Abandoned, 160, 4, 0),
        (1, "海尔路安置小区", CourtyardKind.Resettlement, 2660, 15, 3),
        (1, "海尔路还建小区", CourtyardKind.Resettlement, 1960, 12, 3),
        (1, "海尔路职工宿舍", CourtyardKind.Old, 380, 8, 0),
        (1, "御江苑", CourtyardKind.Commercial, 1420, 11, 4),
        (2, "黑石子还建房", CourtyardKind.Resettlement, 2280, 14, 5),
        (2, "黑石子水泥厂宿舍", CourtyardKind.Old, 510, 10, 6),
        (2, "黑石子三村", CourtyardKind.Abandoned, 210, 6, 0),
        (3, "港城家园", CourtyardKind.Resettlement, 3280, 18, 1),
        (3, "港城新居", CourtyardKind.Resettlement, 2460, 15, 1),
        (3, "港城国际", CourtyardKind.Commercial, 1950, 14, 7),
        (3, "港务局宿舍", CourtyardKind.Old, 460, 9, 6),
        (4, "石盘河安置小区", CourtyardKind.Resettlement, 2150, 13, 5),
        (4, "石盘河新居", CourtyardKind.Resettlement, 1780, 11, 8),
        (4, "石盘河粮站宿舍", CourtyardKind.Old, 290, 6, 0),
        (5, "五宝家园", CourtyardKind.Resettlement, 2320, 14, 8),
        (5, "五宝花园", CourtyardKind.Resettlement, 1640, 10, 9),
        (5, "五宝供销社宿舍", CourtyardKind.Old, 340, 7, 6),
        (6, "港安一期", CourtyardKind.Resettlement, 2600, 15, 10),
        (6, "港安二期", CourtyardKind.Resettlement, 2210, 14, 10),
        (6, "江屿丽景", CourtyardKind.Commercial, 1260, 10, 11),
        (6, "东港老楼", CourtyardKind.Abandoned, 180, 5, 0),
        (7, "滨江家园", CourtyardKind.Resettlement, 1920, 12, 9),
        (7, "滨江一村", CourtyardKind.Old, 520, 11, 12),
        (7, "观江府", CourtyardKind.Commercial, 1380, 11, 7),
        (8, "长安新村", CourtyardKind.Resettlement, 1870, 12, 3),
        (8, "长安厂家属区", CourtyardKind.Old, 640, 14, 12),
        (8, "长安锦城", CourtyardKind.Commercial, 1150, 9, 11),
        (9, "东港家园", CourtyardKind.Resettlement, 2060, 13, 10),
        (9, "东港新居", CourtyardKind.Resettlement, 1690, 11, 12),
        (9, "滨江华府", CourtyardKind.Commercial, 990, 8, 4),
    ];

    /// <summary>How many commercial estates have an owners' committee with building heads.</summary>
    public const int OwnersCommittees = 3;

    private static readonly string[] StreetOfficeNames = ["综合执法队", "平安办", "城管办", "社会事务办", "物业管理办"];

    private static readonly string[] DistrictDepartmentNames =
    [
        "区住建委", "区城市管理局", "区民政局", "公安江北分局寸滩派出所", "区消防救援支队", "区生态环境局",
        "区市场监管局", "区园林局", "区文旅委", "水务公司", "供电公司", "燃气公司",
    ];

    /// <summary>Who handles each item of the standard taxonomy in the demo: the street's office, the district's lead department and its co-handlers.</summary>
    private static readonly (string Code, string Office, string Lead, string[] CoHandlers)[] RouteTable =
    [
        ("0101", "城管办", "区城市管理局", []),
        ("0102", "城管办", "区城市管理局", []),
        ("0103", "城管办", "区城市管理局", ["区生态环境局"]),
        ("0104", "综合执法队", "区城市管理局", []),
        ("0105", "综合执法队", "区城市管理局", ["区市场监管局"]),
        ("0201", "物业管理办", "区住建委", []),
        ("0202", "城管办", "区城市管理局", ["供电公司"]),
        ("0203", "城管办", "区城市管理局", ["水务公司"]),
        ("0204", "社会事务办", "区文旅委", []),
        ("0301", "物业管理办", "区市场监管局", ["区住建委"]),
        ("0302", "物业管理办", "区住建委", ["水务公司"]),
        ("0303", "物业管理办", "区住建委", []),
        ("0304", "物业管理办", "区住建委", []),
        ("0305", "物业管理办", "区住建委", ["区城市管理局", "区消防救援支队"]),
        ("0401", "平安办", "公安江北分局寸滩派出所", []),
        ("0402", "平安办", "公安江北分局寸滩派出所", ["区民政局"]),
        ("0403", "物业管理办", "区住建委", []),
        ("0404", "平安办", "公安江北分局寸滩派出所", ["区城市管理局"]),
        ("0501", "综合执法队", "区消防救援支队", ["公安江北分局寸滩派出所"]),
        ("0502", "平安办", "区消防救援支队", []),
        ("0503", "平安办", "区消防救援支队", []),
        ("0504", "平安办", "区消防救援支队", ["区住建委"]),
        ("0601", "平安办", "公安江北分局寸滩派出所", []),
        ("0602", "综合执法队", "公安江北分局寸滩派出所", ["区城市管理局"]),
        ("0701", "综合执法队", "区城市管理局", ["区住建委"]),
        ("0702", "综合执法队", "区城市管理局", ["区园林局"]),
        ("0801", "城管办", "水务公司", []),
        ("0802", "城管办", "供电公司", []),
        ("0803", "平安办", "燃气公司", ["区消防救援支队"]),
        ("0901", "综合执法队", "区生态环境局", ["区市场监管局"]),
        ("0902", "综合执法队", "区生态环境局", ["区住建委"]),
        ("0903", "城管办", "区生态环境局", ["水务公司"]),
        ("1001", "社会事务办", "区园林局", ["区文旅委"]),
        ("1002", "城管办", "区园林局", []),
    ];

    private readonly HandlingUnit[][][] _serving;
    private readonly Building[][] _buildingsByCourtyard;
    private readonly Staff[][] _staffByRole;
    private readonly Staff[][] _staffByUnit;
    private readonly Dictionary<string, Category> _categoriesByCode;
    private readonly Dictionary<string, DemoRoute> _routes;

    private DemoStreet(
        District district, Street street, Community[] communities, Grid[] grids, Courtyard[] courtyards,
        Building[] buildings, HandlingUnit[] units, Staff[] staff, Category[] categories)
    {
        District = district;
        Street = street;
        Communities = communities;
        Grids = grids;
        Courtyards = courtyards;
        Buildings = buildings;
        Units = units;
        Staff = staff;
        Categories = categories;
        CategoryItems = [.. categories.Where(c => c.IsItem)];

        _buildingsByCourtyard = [.. courtyards.Select(c => buildings.Where(b => b.CourtyardId == c.Id).ToArray())];
        _staffByRole = [.. Enum.GetValues<AccessRole>().Select(r => staff.Where(s => s.Role == r).ToArray())];
        _staffByUnit = [.. units.Select(u => staff.Where(s => s.UnitId == u.Id).ToArray())];
        _categoriesByCode = categories.ToDictionary(c => c.Code);

        _serving = [.. Enum.GetValues<HandlingLevel>().Select(level => courtyards
            .Select(c => units.Where(u => u.Serves(level, c.Id, c.CommunityId)).ToArray())
            .ToArray())];
        foreach (var level in Enum.GetValues<HandlingLevel>())
        {
            foreach (var courtyard in courtyards)
            {
                if (UnitsServing(level, courtyard).Count == 0)
                    throw new InvalidOperationException($"No unit handles {level}-level cases in {courtyard.Name}.");
            }
        }

        var unitsByName = units.ToDictionary(u => u.Name);
        _routes = RouteTable.ToDictionary(
            row => row.Code,
            row => new DemoRoute(
                unitsByName[street.Name + row.Office],
                unitsByName[row.Lead],
                [.. row.CoHandlers.Select(name => unitsByName[name])]));
    }

    public District District { get; }
    public Street Street { get; }
    public IReadOnlyList<Community> Communities { get; }
    public IReadOnlyList<Grid> Grids { get; }
    public IReadOnlyList<Courtyard> Courtyards { get; }
    public IReadOnlyList<Building> Buildings { get; }
    public IReadOnlyList<HandlingUnit> Units { get; }
    public IReadOnlyList<Staff> Staff { get; }
    /// <summary>The whole taxonomy: each group followed by its items.</summary>
    public IReadOnlyList<Category> Categories { get; }
    /// <summary>The categories a case can carry (items, not groups).</summary>
    public IReadOnlyList<Category> CategoryItems { get; }

    public Community CommunityById(CommunityId id) => Communities[id.Value - 1];

    public Courtyard CourtyardById(CourtyardId id) => Courtyards[id.Value - 1];

    public HandlingUnit UnitById(UnitId id) => Units[id.Value - 1];

    public Category CategoryByCode(string code) =>
        _categoriesByCode.TryGetValue(code, out var category)
            ? category
            : throw new KeyNotFoundException($"No category {code} in the demo taxonomy.");

    public IReadOnlyList<Building> BuildingsOf(Courtyard courtyard) => _buildingsByCourtyard[courtyard.Id.Value - 1];

    /// <summary>The units that may be sent a case at <paramref name="level"/> in the courtyard (per <see cref="HandlingUnit.Serves"/>).</summary>
    public IReadOnlyList<HandlingUnit> UnitsServing(HandlingLevel level, Courtyard courtyard) =>
        _serving[(int)level - 1][courtyard.Id.Value - 1];

    public IReadOnlyList<Staff> StaffWithRole(AccessRole role) => _staffByRole[(int)role];

    public IReadOnlyList<Staff> StaffOfUnit(HandlingUnit unit) => _staffByUnit[unit.Id.Value - 1];

    public DemoRoute RouteOf(Category item) =>
        _routes.TryGetValue(item.Code, out var route)
            ? route
            : throw new ArgumentException($"{item.Code} is not a category item of the demo taxonomy.", nameof(item));

    /// <summary>
    /// The unit a dispatcher sends a case of <paramref name="item"/> to at <paramref name="level"/>: the courtyard's
    /// property company or group, the community committee, the category's street office or district lead.
    /// </summary>
    public HandlingUnit DefaultUnit(Category item, HandlingLevel level, Courtyard courtyard) => level switch
    {
        HandlingLevel.Street => RouteOf(item).StreetOffice,
        HandlingLevel.District => RouteOf(item).DistrictLead,
        _ => UnitsServing(level, courtyard)[0],
    };

    /// <summary>
    /// The street's routing after an escalation: each item to its street office and district lead,
    /// dispatched automatically; at courtyard and community level to the case's own units.
    /// </summary>
    public IEnumerable<RoutingRule> RoutingRules()
    {
        var id = 0;
        yield return new RoutingRule(++id, null, HandlingLevel.Community, null, autoDispatch: true);
        foreach (var item in CategoryItems)
        {
            var route = RouteOf(item);
            yield return new RoutingRule(++id, item.Code, HandlingLevel.Street, route.StreetOffice.Id, autoDispatch: true);
            yield return new RoutingRule(++id, item.Code, HandlingLevel.District, route.DistrictLead.Id, autoDispatch: true);
        }
    }

    public static DemoStreet Build()
    {
        var district = new District { Id = new DistrictId(1), Name = "江北区" };
        var street = new Street { Id = new StreetId(1), DistrictId = district.Id, Name = "寸滩街道", Code = "CT" };

        var communities = new Community[CommunityTable.Length];
        var gridsByCommunity = new List<Grid>[CommunityTable.Length];
        var grids = new List<Grid>();
        for (var i = 0; i < CommunityTable.Length; i++)
        {
            var community = communities[i] = new Community { Id = new CommunityId(i + 1), StreetId = street.Id, Name = CommunityTable[i].Name };
            gridsByCommunity[i] = [];
            for (var g = 1; g <= CommunityTable[i].Grids; g++)
            {
                var grid = new Grid { Id = new GridId(grids.Count + 1), CommunityId = community.Id, Name = $"{community.Name}第{g}网格" };
                grids.Add(grid);
                gridsByCommunity[i].Add(grid);
            }
        }

        var courtyards = new Courtyard[CourtyardTable.Length];
        var buildings = new List<Building>();
        var placedInCommunity = new int[CommunityTable.Length];
        for (var i = 0; i < CourtyardTable.Length; i++)
        {
            var row = CourtyardTable[i];
            var position = placedInCommunity[row.Community]++;
            var (latitude, longitude) = Locate(row.Community, position);
            var courtyard = courtyards[i] = new Courtyard
            {
                Id = new CourtyardId(i + 1),
                GridId = gridsByCommunity[row.Community][position % gridsByCommunity[row.Community].Count].Id,
                CommunityId = communities[row.Community].Id,
                Name = row.Name,
                Kind = row.Kind,
                Homes = row.Homes,
                Latitude = latitude,
                Longitude = longitude,
                Outline = OutlineAround(latitude, longitude, i),
            };
            for (var b = 1; b <= row.Buildings; b++)
                buildings.Add(new Building { Id = new BuildingId(buildings.Count + 1), CourtyardId = courtyard.Id, Name = $"{b}栋" });
        }

        var units = new List<HandlingUnit>();
        HandlingUnit AddUnit(string name, UnitKind kind, CommunityId? communityId = null, IReadOnlyList<CourtyardId>? served = null)
        {
            var unit = new HandlingUnit { Id = new UnitId(units.Count + 1), Name = name, Kind = kind, CommunityId = communityId, ServedCourtyardIds = served ?? [] };
            units.Add(unit);
            return unit;
        }

        var companies = PropertyCompanyNames
            .Select((name, i) => AddUnit(name, UnitKind.PropertyCompany,
                served: [.. courtyards.Where((_, c) => CourtyardTable[c].Company == i + 1).Select(c => c.Id)]))
            .ToArray();
        var groups = courtyards
            .Where((_, c) => CourtyardTable[c].Company == 0)
            .Select(c => AddUnit(c.Name + (c.Kind == CourtyardKind.Abandoned ? "院落党小组" : "院落自管小组"), UnitKind.CourtyardGroup, served: [c.Id]))
            .ToArray();
        var committees = communities.Select(c => AddUnit(c.Name + "两委", UnitKind.CommunityCommittee, communityId: c.Id)).ToArray();
        var offices = StreetOfficeNames.Select(name => AddUnit(street.Name + name, UnitKind.StreetOffice)).ToArray();
        var departments = DistrictDepartmentNames.Select(name => AddUnit(name, UnitKind.DistrictDepartment)).ToArray();
        // A few commercial estates have an owners' committee beside their company (added last, so the company stays first to be sent cases).
        var ownersCommittees = courtyards.Where((c, i) => CourtyardTable[i].Company != 0 && c.Kind == CourtyardKind.Commercial).Take(OwnersCommittees)
            .Select(c => AddUnit(c.Name + "业主委员会", UnitKind.OwnersCommittee, served: [c.Id]))
            .ToArray();

        var staff = new List<Staff>();
        Staff AddStaff(AccessRole role, UnitId? unitId = null, CommunityId? communityId = null, GridId? gridId = null, CourtyardId? courtyardId = null)
        {
            var member = Domain.Organisation.Staff.New(new StaffId(staff.Count + 1), DemoNames.Person(staff.Count), DemoNames.Phone(staff.Count), role, unitId, communityId, gridId,
                courtyardId: courtyardId);
            staff.Add(member);
            return member;
        }

        AddStaff(AccessRole.Administrator);
        for (var i = 0; i < 2; i++) AddStaff(AccessRole.StreetLeader);
        for (var i = 0; i < 3; i++) AddStaff(AccessRole.Dispatcher);
        foreach (var committee in committees)
        {
            for (var i = 0; i < 2; i++) AddStaff(AccessRole.CommunityStaff, committee.Id, committee.CommunityId);
        }
        foreach (var grid in grids)
            AddStaff(AccessRole.GridWorker, committees[grid.CommunityId.Value - 1].Id, grid.CommunityId, grid.Id);
        foreach (var unit in offices.Concat(departments))
            AddStaff(AccessRole.DepartmentLiaison, unit.Id);
        foreach (var company in companies)
        {
            for (var i = company.ServedCourtyardIds.Count >= 3 ? 2 : 1; i > 0; i--) AddStaff(AccessRole.PropertyStaff, company.Id);
        }
        // One micro-grid member per courtyard; where there is no property company, the member acts for the courtyard group.
        foreach (var courtyard in courtyards)
        {
            var group = Array.Find(groups, g => g.ServedCourtyardIds[0] == courtyard.Id);
            AddStaff(AccessRole.MicroGridMember, group?.Id, courtyard.CommunityId, courtyard.GridId);
        }
        // Two building heads (楼栋长) per owners' committee, each looking after the committee's courtyard.
        foreach (var committee in ownersCommittees)
        {
            for (var i = 0; i < 2; i++) AddStaff(AccessRole.BuildingHead, committee.Id, courtyardId: committee.ServedCourtyardIds[0]);
        }
        // The first community's 书记 is also the 网格长 of its first grid: one person, two posts.
        var secretary = staff.First(s => s.Role == AccessRole.CommunityStaff);
        var firstGrid = grids.First(g => g.CommunityId == secretary.CommunityId);
        secretary.AddPost(AccessRole.GridWorker, secretary.UnitId, firstGrid.CommunityId, firstGrid.Id, null);

        var categories = StandardTaxonomy.Categories().ToArray();

        return new DemoStreet(district, street, communities, [.. grids], courtyards, [.. buildings], [.. units], [.. staff], categories);
    }

    /// <summary>A courtyard's plot on the demo map: a four-sided block of about 100 m round its point, each a little differently skewed.</summary>
    private static IReadOnlyList<MapPoint> OutlineAround(double latitude, double longitude, int index)
    {
        const double HalfLng = 0.0006, HalfLat = 0.00045;
        var skew = (index % 3 - 1) * 0.00015;
        return
        [
            new(Math.Round(longitude - HalfLng + skew, 6), Math.Round(latitude - HalfLat, 6)),
            new(Math.Round(longitude + HalfLng + skew, 6), Math.Round(latitude - HalfLat, 6)),
            new(Math.Round(longitude + HalfLng - skew, 6), Math.Round(latitude + HalfLat, 6)),
            new(Math.Round(longitude - HalfLng - skew, 6), Math.Round(latitude + HalfLat, 6)),
        ];
    }

    /// <summary>
    /// Communities sit at fixed offsets from the street's centre, strung along the river about 10 km east to west and
    /// 4 km north to south (as 寸滩 lies along the Yangtze, and as the wall's wide map box suits); their courtyards on a
    /// small ring around them, alternately nearer and farther, so every courtyard has its own point.
    /// </summary>
    private static (double Latitude, double Longitude) Locate(int community, int position)
    {
        var (_, _, eastKm, northKm) = CommunityTable[community];
        var count = CourtyardTable.Count(c => c.Community == community);
        var angle = 2 * Math.PI * position / count + 0.7 * community;
        var radiusKm = position % 2 == 0 ? 0.35 : 0.5;
        var east = eastKm + radiusKm * Math.Cos(angle);
        var north = northKm + radiusKm * Math.Sin(angle);
        var kmPerDegreeLongitude = KmPerDegreeLatitude * Math.Cos(CentreLatitude * Math.PI / 180);
        return (Math.Round(CentreLatitude + north / KmPerDegreeLatitude, 6),
                Math.Round(CentreLongitude + east / kmPerDegreeLongitude, 6));
    }
}
