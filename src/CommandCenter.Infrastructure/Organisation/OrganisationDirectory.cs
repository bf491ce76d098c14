using CommandCenter.Domain.Access;
using System.Collections.Frozen;
using System.Globalization;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// The street's reference data (places, units, staff, categories) held in memory: it is
/// small, read on every screen and changes rarely, so queries return ids and names come from here.
/// Units are held as they stand on the street's today (<see cref="HandlingUnit.On"/>), taken again when
/// the day turns, so a property company replaced from a date serves from that date without a write.
/// </summary>
public sealed class OrganisationDirectory(TimeProvider clock)
{
    private Snapshot _stored = Snapshot.Empty;
    private DayView _view = new(Snapshot.Empty, DateOnly.MinValue, Snapshot.Empty);

    private Snapshot Current
    {
        get
        {
            var (stored, view) = (_stored, _view);
            var day = ChinaTime.LocalDate(clock.GetUtcNow().UtcDateTime);
            if (ReferenceEquals(view.Of, stored) && view.Day == day) return view.Snapshot;
            var snapshot = stored with { Units = stored.Units.Values.Select(u => u.On(day, stored.Services)).ToFrozenDictionary(u => u.Id) };
            _view = new DayView(stored, day, snapshot);
            return snapshot;
        }
    }

    /// <summary>The district's streets, by id: a case, a wall and a poster belong to one of them.</summary>
    public IReadOnlyCollection<Street> Streets => Current.Streets.Values;
    public IReadOnlyCollection<Community> Communities => Current.Communities.Values;
    public IReadOnlyCollection<Grid> Grids => Current.Grids.Values;
    public IReadOnlyCollection<Courtyard> Courtyards => Current.Courtyards.Values;
    public IReadOnlyCollection<HandlingUnit> Units => Current.Units.Values;
    public IReadOnlyCollection<Staff> Staff => Current.Staff.Values;
    public IReadOnlyCollection<Category> Categories => Current.Categories.Values;

    public async Task LoadAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        var snapshot = new Snapshot(
            (await db.Streets.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken)).ToFrozenDictionary(s => s.Id),
            (await db.Communities.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken)).ToFrozenDictionary(c => c.Id),
            (await db.Grids.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken)).ToFrozenDictionary(g => g.Id),
            (await db.Courtyards.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken)).ToFrozenDictionary(c => c.Id),
            (await db.Buildings.AsNoTracking().ToListAsync(cancellationToken)).ToFrozenDictionary(b => b.Id),
            (await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken)).ToFrozenDictionary(u => u.Id),
            (await db.Staff.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken)).ToFrozenDictionary(s => s.Id),
            (await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken)).ToFrozenDictionary(c => c.Code),
            SignIns.Of(await db.Users.AsNoTracking()
                .Select(u => new SignIn(u.Id, u.StaffId, u.SecurityStamp, u.LockoutEnd, u.MustChangePassword)).ToListAsync(cancellationToken)),
            await db.CourtyardServices.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken));
        _stored = snapshot;
        Reloaded?.Invoke();
    }

    /// <summary>
    /// Raised after every load, on the loading thread: open circuits check their sign-in against the new
    /// accounts at once. Handlers only read memory and hand work on; they must not block.
    /// </summary>
    public event Action? Reloaded;

    /// <summary>Who serves which courtyard from when: every period on record, ended ones included.</summary>
    public IReadOnlyList<CourtyardService> CourtyardServices => _stored.Services;

    /// <summary>
    /// Whether the staff member's password was reset and not yet changed: asked on every request (cookie or
    /// bearer token acting as them), so it is held here with the staff, refreshed by the same writes.
    /// </summary>
    public bool PasswordChangeDue(StaffId id) => Current.SignIns.PasswordChangesDue.Contains(id);

    /// <summary>
    /// Whether a session of the sign-in <paramref name="userId"/> that carries <paramref name="securityStamp"/> still
    /// holds: not disabled, and the stamp not replaced by a reset or a change of password. Asked on every request from
    /// memory; every write of a stamp reloads the directory on every server. A sign-in made after the last load is not
    /// here yet and holds: it cannot have been reset or disabled since, or the directory would have been reloaded.
    /// </summary>
    public bool SignInHolds(string userId, string? securityStamp) =>
        !Current.SignIns.Accounts.TryGetValue(userId, out var account) || !account.Disabled && account.SecurityStamp == securityStamp;

    /// <summary>Whether every sign-in of the staff member is disabled: then a bearer token acting as them is refused too.</summary>
    public bool SignInDisabled(StaffId id) => Current.SignIns.DisabledStaff.Contains(id);

    public Street? Street(StreetId id) => Current.Streets.GetValueOrDefault(id);
    public Courtyard? Courtyard(CourtyardId id) => Current.Courtyards.GetValueOrDefault(id);

    /// <summary>The street a courtyard lies in: its community's. Its cases are that street's, numbered with its code.</summary>
    public Street? StreetOf(Courtyard courtyard) =>
        Community(courtyard.CommunityId) is { } community ? Street(community.StreetId) : null;

    /// <summary>What an area is called on screen: a street by its name; every street (null) by their names together.</summary>
    public string AreaName(StreetId? id) =>
        id is { } streetId ? Street(streetId)?.Name ?? $"#{streetId}" : string.Join("、", Streets.OrderBy(s => s.Id).Select(s => s.Name));

    /// <summary>A unit's name where room is short, without the name of whichever street it opens with.</summary>
    public string UnitShortName(string unitName) => Domain.Organisation.UnitShortName.Of(unitName, Streets.Select(s => s.Name));
    public Community? Community(CommunityId id) => Current.Communities.GetValueOrDefault(id);
    public Grid? Grid(GridId id) => Current.Grids.GetValueOrDefault(id);
    public Building? Building(BuildingId id) => Current.Buildings.GetValueOrDefault(id);
    public HandlingUnit? Unit(UnitId id) => Current.Units.GetValueOrDefault(id);
    public Staff? StaffMember(StaffId id) => Current.Staff.GetValueOrDefault(id);

    /// <summary>
    /// A staff member acting in the post numbered <paramref name="postNumber"/> — the one their session chose — with the courtyards
    /// it covers, through <paramref name="source"/>; in their first current post when none is chosen or the chosen one has ended.
    /// </summary>
    public Post PostOf(Staff staff, ActSource source, int? postNumber = null)
    {
        var post = postNumber is { } number ? staff.CurrentPost(number) ?? staff.MainPost : staff.MainPost;
        return Post.Of(staff, post, post.UnitId is { } unit ? Unit(unit) : null, Courtyards, source);
    }
    public Category? Category(string code) => Current.Categories.GetValueOrDefault(code);

    public IEnumerable<Building> BuildingsOf(CourtyardId courtyardId) =>
        Current.Buildings.Values.Where(b => b.CourtyardId == courtyardId).OrderBy(b => b.Id);

    /// <summary>Units a case at <paramref name="level"/> in the courtyard may be dispatched to.</summary>
    public IEnumerable<HandlingUnit> UnitsServing(HandlingLevel level, CourtyardId courtyardId)
    {
        var courtyard = Courtyard(courtyardId);
        // In a fixed order, the owners' own committee after the company the owners pay to handle: "the first that serves" is a default.
        return courtyard is null ? [] : Units.Where(u => u.Serves(level, courtyard.Id, courtyard.CommunityId))
            .OrderBy(u => u.Kind == UnitKind.OwnersCommittee).ThenBy(u => u.Id.Value);
    }

    /// <summary>
    /// Where <paramref name="rule"/> sends a case at <paramref name="level"/>: its named unit, or else the first that serves the
    /// courtyard; null when that unit does not serve the case's place at that level.
    /// </summary>
    public HandlingUnit? RoutedUnit(Domain.Policies.RoutingRule rule, HandlingLevel level, CourtyardId courtyardId)
    {
        var serving = UnitsServing(level, courtyardId).ToList();
        return rule.UnitId is { } unitId ? serving.FirstOrDefault(u => u.Id == unitId) : serving.FirstOrDefault();
    }

    public string CategoryName(string code) => Category(code) is { } c ? Localised(c) : code;

    public static string Localised(Category category) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? category.Name : category.NameEn;

    public string CourtyardName(CourtyardId id) => Courtyard(id)?.Name ?? $"#{id}";
    public string CommunityName(CommunityId id) => Community(id)?.Name ?? $"#{id}";
    public string? UnitName(UnitId? id) => id is { } unitId ? Unit(unitId)?.Name ?? $"#{unitId}" : null;

    /// <summary>The units of <paramref name="Of"/> as they stand on <paramref name="Day"/>.</summary>
    private sealed record DayView(Snapshot Of, DateOnly Day, Snapshot Snapshot);

    private sealed record Snapshot(
        FrozenDictionary<StreetId, Street> Streets,
        FrozenDictionary<CommunityId, Community> Communities,
        FrozenDictionary<GridId, Grid> Grids,
        FrozenDictionary<CourtyardId, Courtyard> Courtyards,
        FrozenDictionary<BuildingId, Building> Buildings,
        FrozenDictionary<UnitId, HandlingUnit> Units,
        FrozenDictionary<StaffId, Staff> Staff,
        FrozenDictionary<string, Category> Categories,
        SignIns SignIns,
        IReadOnlyList<CourtyardService> Services)
    {
        public static readonly Snapshot Empty = new(
            FrozenDictionary<StreetId, Street>.Empty, FrozenDictionary<CommunityId, Community>.Empty, FrozenDictionary<GridId, Grid>.Empty,
            FrozenDictionary<CourtyardId, Courtyard>.Empty, FrozenDictionary<BuildingId, Building>.Empty, FrozenDictionary<UnitId, HandlingUnit>.Empty,
            FrozenDictionary<StaffId, Staff>.Empty, FrozenDictionary<string, Category>.Empty, SignIns.Of([]), []);
    }

    private sealed record SignIn(string Id, StaffId StaffId, string? SecurityStamp, DateTimeOffset? LockoutEnd, bool MustChangePassword)
    {
        /// <summary>An administrator's disabling locks with no end; wrong passwords lock for a while and end no session.</summary>
        public bool Disabled => LockoutEnd == DateTimeOffset.MaxValue;
    }

    /// <summary>The sign-ins' standing, held so that no request reads the accounts table.</summary>
    private sealed record SignIns(FrozenDictionary<string, SignIn> Accounts, FrozenSet<StaffId> PasswordChangesDue, FrozenSet<StaffId> DisabledStaff)
    {
        public static SignIns Of(IReadOnlyList<SignIn> accounts) => new(
            accounts.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal),
            accounts.Where(a => a.MustChangePassword).Select(a => a.StaffId).ToFrozenSet(),
            accounts.GroupBy(a => a.StaffId).Where(g => g.All(a => a.Disabled)).Select(g => g.Key).ToFrozenSet());
    }
}
