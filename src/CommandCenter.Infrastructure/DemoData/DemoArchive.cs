using System.Globalization;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.DemoData;

/// <summary>
/// The demo street's 数字院落: homes in every building of its 34 courtyards (49,800 at full size), about
/// 77,000 residents with the tags grid workers keep, and the owners — the developer holding unsold units
/// and parking spaces in the commercial estates, investors with several units, couples on one title,
/// old factories still holding 公房 in their dormitories; each courtyard's building heads, party group, owners' committee
/// (in the estates) and facilities. Fixed seed, so every start makes the same archive.
/// </summary>
public sealed class DemoArchive
{
    /// <summary>Jiangbei district's region code, the first six digits of its residents' ID numbers.</summary>
    private const string Region = "500105";

    private readonly Random _random;
    // The courtyards' bodies and facilities draw from their own sequence, so that adding them left the homes and people as they were.
    private readonly Random _lists;
    private readonly INumberSealer _sealer;
    private readonly DateTime _nowUtc;
    private readonly DateOnly _today;
    private int _homeId, _residentId, _ownerId, _person;

    private DemoArchive(int seed, INumberSealer sealer, DateTime nowUtc)
    {
        _random = new Random(seed);
        _lists = new Random(seed + 1);
        _sealer = sealer;
        _nowUtc = nowUtc;
        _today = ChinaTime.LocalDate(nowUtc);
    }

    public List<Home> Homes { get; } = [];
    public List<Resident> Residents { get; } = [];
    public List<Owner> Owners { get; } = [];
    public List<Ownership> Ownerships { get; } = [];
    public List<CourtyardMember> Members { get; } = [];
    public List<Facility> Facilities { get; } = [];

    /// <summary>The archive of <paramref name="street"/>, each courtyard's homes scaled to <paramref name="percent"/> of its size.</summary>
    public static DemoArchive Generate(DemoStreet street, int percent, int seed, INumberSealer sealer, DateTime nowUtc)
    {
        var archive = new DemoArchive(seed, sealer, nowUtc);
        foreach (var courtyard in street.Courtyards)
            archive.Fill(courtyard, street.BuildingsOf(courtyard), Math.Max(1, courtyard.Homes * percent / 100));
        return archive;
    }

    private void Fill(Courtyard courtyard, IReadOnlyList<Building> buildings, int homeCount)
    {
        var developer = courtyard.Kind == CourtyardKind.Commercial
            ? NewOwner(OwnerKind.Developer, $"重庆{courtyard.Name[..2]}置业有限公司", adult: false) : null;
        // The factory or bureau that built an old dormitory still holds some of its flats as 公房.
        var landlord = courtyard.Kind == CourtyardKind.Old ? NewOwner(OwnerKind.Organisation, courtyard.Name.Replace("宿舍", "").Replace("家属区", "") + "房管所", adult: false) : null;
        var investors = new List<Owner>();
        var perBuilding = (homeCount + buildings.Count - 1) / Math.Max(1, buildings.Count);
        var doors = courtyard.Kind == CourtyardKind.Old ? 2 : 4;
        var headsNamed = new HashSet<BuildingId>();
        List<MemberEntry> heads = [];
        for (var i = 0; i < homeCount; i++)
        {
            var building = buildings.Count > 0 ? buildings[Math.Min(i / perBuilding, buildings.Count - 1)] : null;
            var index = i % perBuilding;
            var use = UseOf(courtyard.Kind);
            var number = use switch
            {
                HomeUse.ParkingSpace => $"B1-{i:D4}",
                HomeUse.Shop => $"{building?.Name}商铺{index + 1}",
                _ => $"{building?.Id.Value ?? 0}-{index / doors + 1}{index % doors + 1:D2}",
            };
            var home = Home.Record(new HomeId(++_homeId), courtyard.Id, use == HomeUse.ParkingSpace ? null : building?.Id, number, AreaOf(use),
                AreaSourceOf(courtyard.Kind), use, courtyard.Kind == CourtyardKind.Commercial ? ArchiveSource.LandRegistry : ArchiveSource.PropertyCompany,
                ConfirmedAt());
            Homes.Add(home);

            var unsold = developer is not null && Chance(use == HomeUse.ParkingSpace ? 0.45 : 0.06);
            var ownedByLandlord = landlord is not null && Chance(0.12);
            if (unsold) Own(home, developer!, true);
            else if (ownedByLandlord) Own(home, landlord!, true);
            else if (investors.Count > 0 && Chance(courtyard.Kind == CourtyardKind.Commercial ? 0.08 : 0.03))
                Own(home, investors[_random.Next(investors.Count)], true);
            else
            {
                var owner = NewOwner(OwnerKind.Person, DemoNames.Person(_random.Next(1_600)), adult: true);
                Own(home, owner, true);
                if (Chance(0.35)) Own(home, NewOwner(OwnerKind.Person, DemoNames.Person(_random.Next(1_600)), adult: true), false);
                if (Chance(0.04)) investors.Add(owner);
            }

            if (use != HomeUse.Home || unsold || Chance(VacancyOf(courtyard.Kind))) continue;
            // The head of the first lived-in home of a building is its 楼栋长.
            var head = building is not null && headsNamed.Add(building.Id);
            var first = Residents.Count;
            AddHousehold(home, 1, courtyard.Kind, buildingHead: head);
            if (head) heads.Add(new MemberEntry(Residents[first].Name, BodyRole.BuildingHead, building!.Id));
            if (Chance(0.03)) AddHousehold(home, 2, courtyard.Kind, tenants: true);
        }
        AddLists(courtyard, buildings, heads);
    }

    /// <summary>
    /// The courtyard's building heads, its party group, an owners' committee where owners elect one (commercial and resettlement
    /// estates), and its facilities: lifts in estates, extinguishers per building, cameras and bins, a few lifts faulty.
    /// </summary>
    private void AddLists(Courtyard courtyard, IReadOnlyList<Building> buildings, List<MemberEntry> heads)
    {
        var confirmed = _nowUtc.AddDays(-_lists.Next(90));
        Members.AddRange(CourtyardMember.OfBody(courtyard.Id, CourtyardBody.BuildingHeads, heads, null, ArchiveSource.ResidentBook, confirmed));
        Members.AddRange(CourtyardMember.OfBody(courtyard.Id, CourtyardBody.PartyGroup,
            [.. Enumerable.Range(0, 3 + _lists.Next(5)).Select(i => new MemberEntry(DemoNames.Person(_lists.Next(1_600)), i == 0 ? BodyRole.Secretary : BodyRole.Member))],
            null, ArchiveSource.ResidentBook, confirmed));
        if (courtyard.Kind is CourtyardKind.Commercial or CourtyardKind.Resettlement)
        {
            var elected = _today.AddDays(-_lists.Next(365 * 4));
            Members.AddRange(CourtyardMember.OfBody(courtyard.Id, CourtyardBody.OwnersCommittee,
                [.. Enumerable.Range(0, _lists.Next(2) == 0 ? 5 : 7).Select(i => new MemberEntry(DemoNames.Person(_lists.Next(1_600)),
                    i == 0 ? BodyRole.Chair : i == 1 ? BodyRole.DeputyChair : BodyRole.Member))],
                new Term(elected, elected.AddYears(CourtyardMember.MaxTermYears).AddDays(-1)), ArchiveSource.ResidentBook, confirmed));
        }
        var lifts = courtyard.Kind is CourtyardKind.Commercial or CourtyardKind.Resettlement;
        List<FacilityEntry> rows = [];
        foreach (var building in buildings)
        {
            if (lifts) rows.Add(new FacilityEntry(FacilityKind.Lift, 1 + _lists.Next(2), building.Name, _lists.Next(8) == 0 ? FacilityState.Faulty : FacilityState.Working, building.Id));
            rows.Add(new FacilityEntry(FacilityKind.FireEquipment, 4 + _lists.Next(9), $"{building.Name}楼道", _lists.Next(20) == 0 ? FacilityState.OutOfService : FacilityState.Working, building.Id));
        }
        rows.Add(new FacilityEntry(FacilityKind.Camera, 2 + _lists.Next(7), "大门及主干道", FacilityState.Working));
        rows.Add(new FacilityEntry(FacilityKind.Bin, 2 + _lists.Next(9), "垃圾收集点", FacilityState.Working));
        Facilities.AddRange(Facility.List(courtyard.Id, rows, ArchiveSource.PropertyCompany, confirmed));
    }

    private void AddHousehold(Home home, int household, CourtyardKind kind, bool tenants = false, bool buildingHead = false)
    {
        var elderly = !tenants && Chance(kind is CourtyardKind.Old or CourtyardKind.Abandoned ? 0.30 : 0.12);
        var size = elderly ? (Chance(0.45) ? 1 : 2) : tenants ? 1 + _random.Next(2) : HouseholdSize();
        var dibao = !tenants && Chance(kind == CourtyardKind.Commercial ? 0.005 : 0.05);
        var movedIn = _today.AddDays(-_random.Next(30, 365 * (tenants ? 3 : 25)));
        for (var member = 0; member < size; member++)
        {
            var relation = member == 0 ? (tenants ? Relation.Tenant : Relation.Head) : member == 1 && size > 1 && !tenants ? Relation.Spouse : tenants ? Relation.Tenant : Relation.Child;
            var age = elderly ? 65 + _random.Next(28) : relation == Relation.Child ? _random.Next(1, 22) : 24 + _random.Next(40);
            var tags = ResidentTags.None;
            if (dibao) tags |= ResidentTags.Dibao;
            if (elderly && size == 1) tags |= ResidentTags.ElderlyAlone;
            if (age is >= 6 and <= 15) tags |= ResidentTags.SchoolAgeChild;
            if (age >= 18 && Chance(0.09)) tags |= ResidentTags.PartyMember;
            if (Chance(age >= 60 ? 0.05 : 0.012)) tags |= ResidentTags.Disabled;
            if (age >= 18 && Chance(0.035)) tags |= ResidentTags.Volunteer;
            if (age >= 35 && Chance(0.012)) tags |= ResidentTags.Backbone;
            if (member == 0 && buildingHead) tags |= ResidentTags.BuildingHead | ResidentTags.Backbone;
            var birth = _today.AddYears(-age).AddDays(-_random.Next(365));
            var idNumber = _sealer.Seal(IdNumberOf(birth), PersonalData.MaskIdNumber);
            var phone = age >= 16 && Chance(0.9) ? _sealer.Seal(DemoNames.Phone(++_person), PersonalData.MaskPhone) : null;
            Residents.Add(Resident.Record(new ResidentId(++_residentId), home.Id, DemoNames.Person(_random.Next(1_600)), household, relation,
                movedIn, tags, idNumber, phone, ArchiveSource.ResidentBook, ConfirmedAt()));
        }
    }

    private Owner NewOwner(OwnerKind kind, string name, bool adult)
    {
        var idNumber = adult ? _sealer.Seal(IdNumberOf(_today.AddYears(-30 - _random.Next(40)).AddDays(-_random.Next(365))), PersonalData.MaskIdNumber) : null;
        var phone = _sealer.Seal(DemoNames.Phone(++_person), PersonalData.MaskPhone);
        var owner = Owner.Record(new OwnerId(++_ownerId), kind, name, idNumber, phone, ArchiveSource.LandRegistry, ConfirmedAt());
        Owners.Add(owner);
        return owner;
    }

    private void Own(Home home, Owner owner, bool representative) =>
        Ownerships.Add(Ownership.Record(home.Id, owner.Id, representative, ArchiveSource.LandRegistry, ConfirmedAt()));

    private string IdNumberOf(DateOnly birth)
    {
        var first17 = Region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + _random.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacterOf(first17);
    }

    private HomeUse UseOf(CourtyardKind kind)
    {
        var roll = _random.NextDouble();
        return kind switch
        {
            CourtyardKind.Commercial => roll < 0.12 ? HomeUse.ParkingSpace : roll < 0.15 ? HomeUse.Shop : HomeUse.Home,
            CourtyardKind.Resettlement => roll < 0.03 ? HomeUse.Garage : roll < 0.05 ? HomeUse.Shop : HomeUse.Home,
            _ => roll < 0.01 ? HomeUse.Shop : HomeUse.Home,
        };
    }

    private decimal AreaOf(HomeUse use) => use switch
    {
        HomeUse.ParkingSpace => 12m + _random.Next(0, 300) / 100m,
        HomeUse.Garage => 15m + _random.Next(0, 1500) / 100m,
        HomeUse.Shop => 20m + _random.Next(0, 6000) / 100m,
        _ => 45m + _random.Next(0, 9500) / 100m,
    };

    private AreaSource AreaSourceOf(CourtyardKind kind) => kind switch
    {
        CourtyardKind.Commercial => Chance(0.9) ? AreaSource.Registry : AreaSource.Contract,
        CourtyardKind.Resettlement => Chance(0.6) ? AreaSource.Contract : AreaSource.Surveyed,
        _ => Chance(0.7) ? AreaSource.Registry : AreaSource.Surveyed,
    };

    private static double VacancyOf(CourtyardKind kind) => kind switch
    {
        CourtyardKind.Commercial => 0.25,
        CourtyardKind.Abandoned => 0.35,
        CourtyardKind.Resettlement => 0.15,
        _ => 0.12,
    };

    /// <summary>Households of one to four: many homes hold one or two now that children have left.</summary>
    private int HouseholdSize() => _random.NextDouble() switch
    {
        < 0.35 => 1,
        < 0.68 => 2,
        < 0.92 => 3,
        _ => 4,
    };

    /// <summary>Confirmed some time in the last year, as a book kept by quarterly rounds would be.</summary>
    private DateTime ConfirmedAt() => _nowUtc.AddDays(-_random.Next(365)).AddMinutes(-_random.Next(1440));

    private bool Chance(double p) => _random.NextDouble() < p;
}
