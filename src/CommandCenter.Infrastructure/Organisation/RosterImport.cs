using System.Globalization;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Imports;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// The street's roster (花名册) read from spreadsheets, one sheet at a time: its units; its courtyards with their
/// buildings; its staff with their posts. The preview classifies every row — new, changed, unchanged or invalid
/// with its problem — and writes nothing; accepting classifies the same rows again inside one write and applies
/// them only when no row has a problem, so a file with mistakes imports nothing. Rows are matched by a natural key
/// (a unit by its name, a courtyard by community and name, a building by courtyard and name, a person by phone),
/// so the same file twice changes nothing and a changed row updates its record. Nothing is deleted.
/// A person with several posts (a 书记 who is also 网格长) is on one row per post, all with the same phone and name:
/// the first of their rows gives the person (name, 在岗, 账号), each row one post; a post not yet held is added, and
/// a post held but not in the file stays (an administrator ends it).
/// </summary>
public sealed class RosterImport(IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, DirectoryChanges changes, TimeProvider clock)
{
    /// <summary>Each sheet's columns, in the template's order; a sheet is read by these headers.</summary>
    public static IReadOnlyList<string> ColumnsOf(RosterSheet sheet) => sheet switch
    {
        RosterSheet.Units => ["名称", "类型", "社区"],
        RosterSheet.Courtyards => ["社区", "网格", "院落", "类型", "户数", "纬度", "经度", "楼栋"],
        _ => ["姓名", "电话", "岗位", "单位", "社区", "网格", "院落", "在岗", "账号", "街道"],
    };

    /// <summary>An example row for each template, so the street sees how a cell is written.</summary>
    public static IReadOnlyList<string> ExampleOf(RosterSheet sheet) => sheet switch
    {
        RosterSheet.Units => ["重庆市安居物业服务有限公司", "物业公司", ""],
        RosterSheet.Courtyards => ["寸滩社区", "第一网格", "幸福小区", "商品房小区", "320", "29.5861", "106.5912", "1号楼、2号楼"],
        _ => ["李娜", "13912345678", "调度员", "", "", "", "", "是", "lina", ""],
    };

    /// <summary>More rows than a street's roster holds is the wrong file.</summary>
    public const int MaxRows = 10_000;

    public async Task<ImportPreview> PreviewAsync(RosterSheet sheet, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, Post by,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return Summary(await ClassifyAsync(db, sheet, rows, by, cancellationToken));
    }

    /// <summary>
    /// Applies every new and changed row in one write, audited with the file's name, size and SHA-256; refused (422,
    /// ImportNotClean) while any row has a problem. New sign-ins get a one-time password each, in this answer only.
    /// </summary>
    public Task<RosterImported> AcceptAsync(RosterSheet sheet, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, ImportedFile file, Post by,
        CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var classified = await ClassifyAsync(db, sheet, rows, by, cancellationToken);
            if (classified.Any(r => r.Kind == ImportRowKind.Invalid))
                throw new DomainValidationException("ImportNotClean", "The file has rows with problems: mend them and preview again.", "file");
            List<SignInCreated> signIns = [];
            foreach (var row in classified) row.Apply?.Invoke(db, signIns);
            var summary = Summary(classified);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.RosterImported, clock.GetUtcNow().UtcDateTime,
                detail: $"{sheet} sheet {file}: {summary.New} new, {summary.Changed} changed, {summary.Unchanged} unchanged"
                    + (signIns.Count > 0 ? $", {signIns.Count} sign-ins created" : "")));
            return new RosterImported(summary, signIns);
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    private async Task<List<RosterRow>> ClassifyAsync(CommandCenterDbContext db, RosterSheet sheet,
        IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, Post by, CancellationToken cancellationToken)
    {
        if (rows.Count is 0 or > MaxRows)
            throw new DomainValidationException("RosterRowCount", $"A roster sheet has 1 to {MaxRows} rows.", "file");
        var book = await RosterBook.LoadAsync(db, ChinaTime.LocalDate(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var classify = KnownValue.Of(sheet, "sheet") switch
        {
            RosterSheet.Units => (Action<RosterRow, IReadOnlyDictionary<string, string?>>)book.Unit,
            RosterSheet.Courtyards => book.Courtyard,
            _ => (row, cells) => book.Staff(row, cells, by),
        };
        var fields = FieldColumns[sheet];
        List<RosterRow> classified = [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new RosterRow { Number = i + 2 }; // the sheet's row: 1 is the header
            classified.Add(row);
            try
            {
                classify(row, rows[i]);
            }
            catch (DomainException e)
            {
                (row.Kind, row.Apply) = (ImportRowKind.Invalid, null);
                row.Problems.Add(ProblemOf(e, fields));
                // The cells checked on their own are named too, so one round of mending clears the row.
                foreach (var check in RosterBook.CellChecks(sheet))
                {
                    try
                    {
                        check(rows[i]);
                    }
                    catch (DomainException more)
                    {
                        // A column already named keeps its first problem: the one that stopped the row.
                        if (ProblemOf(more, fields) is var problem && row.Problems.All(p => p.Column != problem.Column)) row.Problems.Add(problem);
                    }
                }
            }
        }
        return classified;
    }

    private static RowProblem ProblemOf(DomainException e, Dictionary<string, string> fields) =>
        new(e.Code, (e as DomainValidationException)?.Field is { } field ? fields.GetValueOrDefault(field, field) : null);

    /// <summary>The domain's rules name their fields in English; the preview names the sheet's column.</summary>
    private static readonly Dictionary<RosterSheet, Dictionary<string, string>> FieldColumns = new()
    {
        [RosterSheet.Units] = new() { ["name"] = "名称", ["kind"] = "类型", ["communityId"] = "社区" },
        [RosterSheet.Courtyards] = new() { ["name"] = "院落", ["kind"] = "类型", ["homes"] = "户数", ["location"] = "纬度" },
        [RosterSheet.Staff] = new()
        {
            ["name"] = "姓名", ["phone"] = "电话", ["role"] = "岗位", ["unitId"] = "单位", ["communityId"] = "社区", ["gridId"] = "网格",
            ["courtyardId"] = "院落", ["active"] = "在岗", ["userName"] = "账号", ["streetId"] = "街道",
        },
    };

    private static ImportPreview Summary(List<RosterRow> rows) =>
        ImportPreview.Of([.. rows.SelectMany(r => r.Problems.Count == 0
            ? [new ImportRowView(r.Number, r.Kind, r.Name, null, null)]
            : r.Problems.Select(p => new ImportRowView(r.Number, r.Kind, r.Name, p.Code, p.Column)))]);

    /// <summary>
    /// The street's records as a roster row is checked against — tracked, so an accepted row changes them in place — with the
    /// keys and next ids of what the rows before it add, so a file's later rows see its earlier ones.
    /// </summary>
    private sealed class RosterBook
    {
        private Dictionary<string, HandlingUnit> _units = [];
        private List<Street> _streets = [];
        private Dictionary<string, Community> _communities = [];
        private Dictionary<(CommunityId, string), Grid> _grids = [];
        private Dictionary<(CommunityId, string), Courtyard> _courtyards = [];
        private HashSet<(CourtyardId, string)> _buildings = [];
        private Dictionary<string, Staff> _staff = [];
        private Dictionary<StaffId, string> _accountOf = [];
        private HashSet<string> _userNames = [];
        private readonly HashSet<string> _seen = [];
        /// <summary>The people the file's rows so far gave, by phone, with the posts their rows named.</summary>
        private readonly Dictionary<string, FiledPerson> _filed = [];
        private readonly Dictionary<string, string> _nameOf = [];
        private (double Latitude, double Longitude)? _centre;
        private IReadOnlyCollection<CourtyardService> _services = [];
        private DateOnly _today;
        private int _nextUnit, _nextCourtyard, _nextBuilding, _nextStaff;

        public static async Task<RosterBook> LoadAsync(CommandCenterDbContext db, DateOnly today, CancellationToken cancellationToken)
        {
            var courtyards = await db.Courtyards.ToListAsync(cancellationToken);
            var buildings = await db.Buildings.AsNoTracking().Select(b => new { b.Id, b.CourtyardId, b.Name }).ToListAsync(cancellationToken);
            var staff = await db.Staff.ToListAsync(cancellationToken);
            var accounts = await db.Users.AsNoTracking().Select(u => new { u.NormalizedUserName, u.UserName, u.StaffId }).ToListAsync(cancellationToken);
            var units = await db.Units.ToListAsync(cancellationToken);
            return new RosterBook
            {
                _units = units.ToDictionary(u => u.Name),
                _streets = await db.Streets.AsNoTracking().ToListAsync(cancellationToken),
                _communities = (await db.Communities.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.Name),
                _grids = (await db.Grids.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(g => (g.CommunityId, g.Name)),
                _courtyards = courtyards.ToDictionary(c => (c.CommunityId, c.Name)),
                _buildings = [.. buildings.Select(b => (b.CourtyardId, b.Name))],
                _staff = staff.ToDictionary(s => s.Phone),
                _accountOf = accounts.GroupBy(a => a.StaffId).ToDictionary(g => g.Key, g => g.First().UserName ?? ""),
                _userNames = [.. accounts.Select(a => a.NormalizedUserName ?? "")],
                _services = await db.CourtyardServices.AsNoTracking().ToListAsync(cancellationToken),
                _today = today,
                _centre = courtyards.Count == 0 ? null : (courtyards.Average(c => c.Latitude), courtyards.Average(c => c.Longitude)),
                _nextUnit = units.Select(u => u.Id.Value).DefaultIfEmpty().Max() + 1,
                _nextCourtyard = courtyards.Select(c => c.Id.Value).DefaultIfEmpty().Max() + 1,
                _nextBuilding = buildings.Select(b => b.Id.Value).DefaultIfEmpty().Max() + 1,
                _nextStaff = staff.Select(s => s.Id.Value).DefaultIfEmpty().Max() + 1,
            };
        }

        /// <summary>名称, 类型, 社区: a unit by its name.</summary>
        public void Unit(RosterRow row, IReadOnlyDictionary<string, string?> cells)
        {
            row.Name = SheetCells.Of(cells, "名称") ?? "";
            var kind = RosterWords.UnitKindOf(SheetCells.Of(cells, "类型"), "类型");
            var community = OptionalCommunity(SheetCells.Of(cells, "社区"));
            var unit = HandlingUnit.New(new UnitId(_nextUnit), row.Name, kind, community?.Id);
            if (Twice("unit", unit.Name)) throw new DomainValidationException("ImportRecordTwice", "The same unit is in the file twice.", "名称");
            if (_units.TryGetValue(unit.Name, out var stored))
            {
                var changed = stored.Changed(unit.Name, kind, unit.CommunityId);
                row.Kind = changed.CommunityId == stored.CommunityId ? ImportRowKind.Unchanged : ImportRowKind.Changed;
                row.Apply = (db, _) => db.Entry(stored).CurrentValues.SetValues(changed);
            }
            else
            {
                _nextUnit++;
                _units[unit.Name] = unit;
                row.Apply = (db, _) => db.Units.Add(unit);
            }
        }

        /// <summary>社区, 网格, 院落, 类型, 户数, 纬度, 经度, 楼栋: a courtyard by community and name, its buildings by name.</summary>
        public void Courtyard(RosterRow row, IReadOnlyDictionary<string, string?> cells)
        {
            row.Name = SheetCells.Of(cells, "院落") ?? "";
            var community = RequiredCommunity(SheetCells.Of(cells, "社区"));
            var grid = GridOf(community.Id, SheetCells.Of(cells, "网格"), required: true)!;
            var kind = RosterWords.CourtyardKindOf(SheetCells.Of(cells, "类型"), "类型");
            var homes = Number(SheetCells.Of(cells, "户数"), "户数", required: true);
            var (latitude, longitude) = (Number(SheetCells.Of(cells, "纬度"), "纬度"), Number(SheetCells.Of(cells, "经度"), "经度"));
            if (latitude is null != longitude is null)
                throw new DomainValidationException("ImportMapPointHalf", "A map point has both a latitude and a longitude, or neither.", latitude is null ? "纬度" : "经度");
            _courtyards.TryGetValue((community.Id, PlainText.Required(row.Name, "院落", PlaceRules.MaxNameLength)), out var stored);
            // Without a point a courtyard keeps its own, or a new one is put at the middle of the street's until the map says better.
            var point = latitude is { } lat && longitude is { } lon ? (lat, lon)
                : stored is not null ? (stored.Latitude, stored.Longitude)
                : _centre ?? throw new DomainValidationException("ImportNeedsMapPoint", "The street's first courtyards need their map point.", "纬度");
            var courtyard = PlaceRules.Courtyard(stored?.Id ?? new CourtyardId(_nextCourtyard), grid, row.Name, kind, (int)homes!.Value, point.Item1, point.Item2);
            if (Twice("courtyard", $"{community.Id}/{courtyard.Name}"))
                throw new DomainValidationException("ImportRecordTwice", "The same courtyard is in the file twice.", "院落");
            var buildings = (SheetCells.Of(cells, "楼栋") ?? "").Split(RosterWords.ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct().Select(name => PlaceRules.Building(default, courtyard.Id, name)).Where(b => !_buildings.Contains((courtyard.Id, b.Name))).ToList();
            if (stored is null)
            {
                _nextCourtyard++;
                _courtyards[(community.Id, courtyard.Name)] = courtyard;
            }
            row.Kind = stored is null ? ImportRowKind.New
                : buildings.Count == 0 && (stored.GridId, stored.Kind, stored.Homes, stored.Latitude, stored.Longitude) == (courtyard.GridId, courtyard.Kind, courtyard.Homes, courtyard.Latitude, courtyard.Longitude)
                    ? ImportRowKind.Unchanged
                    : ImportRowKind.Changed;
            var added = buildings.Select(b => new Building { Id = new BuildingId(_nextBuilding++), CourtyardId = courtyard.Id, Name = b.Name }).ToList();
            foreach (var building in added) _buildings.Add((courtyard.Id, building.Name));
            row.Apply = (db, _) =>
            {
                if (stored is null) db.Courtyards.Add(courtyard);
                else db.Entry(stored).CurrentValues.SetValues(courtyard);
                db.Buildings.AddRange(added);
            };
        }

        /// <summary>
        /// 姓名, 电话, 岗位, 单位, 社区, 网格, 院落, 在岗, 账号: a person by phone, with a sign-in when 账号 names one; each of a
        /// person's rows is one of their posts, and only their first row's 在岗 and 账号 count. 街道 (a street's name or code) places
        /// a person whose posts are street- or district-level; blank: district level. A community's post brings its street
        /// (<see cref="StaffStreet.Decide"/>).
        /// </summary>
        public void Staff(RosterRow row, IReadOnlyDictionary<string, string?> cells, Post by)
        {
            row.Name = SheetCells.Of(cells, "姓名") ?? "";
            var phone = PhoneNumber.Check(SheetCells.Of(cells, "电话"), "电话") ?? throw new DomainValidationException("Required", "电话 is required.", "电话");
            // The first row with a phone names its person, even when that row has other problems.
            if (!_nameOf.TryAdd(phone, row.Name.Trim()) && _nameOf[phone] != row.Name.Trim())
                throw new DomainValidationException("ImportPhoneTwice", "The same phone is on an earlier row under another name.", "电话");
            var role = RosterWords.RoleOf(SheetCells.Of(cells, "岗位"), "岗位");
            var unit = SheetCells.Of(cells, "单位") is { } unitName
                ? _units.GetValueOrDefault(unitName) ?? throw new DomainValidationException("ImportUnknownUnit", $"No unit is named {unitName}.", "单位")
                : null;
            var community = OptionalCommunity(SheetCells.Of(cells, "社区"));
            var grid = SheetCells.Of(cells, "网格") is { } gridName
                ? community is not null ? GridOf(community.Id, gridName, required: true) : OnlyGridNamed(gridName)
                : null;
            var courtyard = SheetCells.Of(cells, "院落") is { } courtyardName ? CourtyardNamed(community?.Id ?? grid?.CommunityId, courtyardName) : null;
            var active = RosterWords.YesOf(SheetCells.Of(cells, "在岗"), "在岗");
            var post = StaffPost.New(0, role, unit?.Id, community?.Id ?? grid?.CommunityId, grid?.Id, courtyard?.Id);
            if (unit is not null) post.CheckUnit(unit.On(_today, _services));
            var chosen = SheetCells.Of(cells, "街道") is { } streetText ? StreetNamed(streetText).Id : (StreetId?)null;
            var postsStreet = (post.CommunityId ?? courtyard?.CommunityId ?? unit?.CommunityId) is { } postsCommunity
                ? _communities.Values.Single(c => c.Id == postsCommunity).StreetId
                : (StreetId?)null;
            if (_filed.TryGetValue(phone, out var earlier))
                AnotherPost(row, phone, post, earlier, postsStreet ?? chosen);
            else
                FirstRow(row, cells, phone, post, active, StaffStreet.Decide(postsStreet is { } street ? [street] : [], chosen, by.StreetId), by);
        }

        /// <summary>A person's first row in the file: the person, their sign-in, and one post.</summary>
        private void FirstRow(RosterRow row, IReadOnlyDictionary<string, string?> cells, string phone, StaffPost post, bool active, StreetId? street, Post by)
        {
            _staff.TryGetValue(phone, out var stored);
            // A street's administrator's roster neither reaches nor takes another street's people.
            if (stored is not null && !StaffStreet.Manages(by.StreetId, stored.StreetId))
                throw new DomainValidationException("StreetOutsideScope", "This person works for another street.", "电话");
            var staff = Domain.Organisation.Staff.New(stored?.Id ?? new StaffId(_nextStaff), row.Name, phone, post.Role, post.UnitId,
                post.CommunityId, post.GridId, active, post.CourtyardId, street);
            if (!active && staff.Id == by.StaffId)
                throw new DomainValidationException("OwnAccount", "An administrator does not deactivate themselves.", "在岗");
            var userName = SheetCells.Of(cells, "账号") is { } name ? SignInRules.UserName(name, "账号") : null;
            var hasAccount = stored is not null && _accountOf.ContainsKey(stored.Id);
            if (userName is not null && hasAccount && !string.Equals(_accountOf[stored!.Id], userName, StringComparison.OrdinalIgnoreCase))
                throw new DomainValidationException("ImportAccountDiffers", "This person signs in under another user name.", "账号");
            var newAccount = userName is not null && !hasAccount;
            if (newAccount && !_userNames.Add(UserAccounts.Normalized(userName!)))
                throw new DomainValidationException("UserNameTaken", "Another account has this user name.", "账号");
            var newPost = stored is not null && !stored.CurrentPosts.Any(p => p.SameJobAs(post));
            _filed[phone] = new FiledPerson(stored is null, street, [post]);
            if (stored is null)
            {
                _nextStaff++;
                _staff[phone] = staff;
            }
            row.Kind = stored is null ? ImportRowKind.New
                : !newAccount && !newPost && (stored.Name, stored.IsActive, stored.StreetId) == (staff.Name, staff.IsActive, staff.StreetId) ? ImportRowKind.Unchanged
                : ImportRowKind.Changed;
            row.Apply = (db, signIns) =>
            {
                if (stored is null) db.Staff.Add(staff);
                else
                {
                    stored.Edit(staff.Name, phone, stored.Role, stored.UnitId, stored.CommunityId, stored.GridId, stored.MainPost.CourtyardId, staff.IsActive);
                    if (newPost) stored.AddPost(post.Role, post.UnitId, post.CommunityId, post.GridId, post.CourtyardId);
                    stored.PlaceIn(staff.StreetId);
                }
                if (!newAccount) return;
                // The person sets their own password at their first sign-in; the administrator hands them this one.
                var password = UserAccounts.TemporaryPassword();
                var account = UserAccounts.New(userName, password, staff.Id);
                account.MustChangePassword = true;
                db.Users.Add(account);
                signIns.Add(new SignInCreated(account.UserName!, staff.Name, password));
            };
        }

        /// <summary>
        /// A later row with a phone an earlier row gave: the same person's next post, under the same name, in the street their
        /// first row placed them (<paramref name="street"/>: this row's community's or 街道, if it names one).
        /// </summary>
        private void AnotherPost(RosterRow row, string phone, StaffPost post, FiledPerson earlier, StreetId? street)
        {
            if (street is not null && street != earlier.Street)
                throw new DomainValidationException("StreetContradictsPost", "This post lies in another street than the person's first row.", "街道");
            if (earlier.Posts.Any(p => p.SameJobAs(post)))
                throw new DomainValidationException("ImportRecordTwice", "The same post of the same person is in the file twice.", "岗位");
            earlier.Posts.Add(post);
            var staff = _staff[phone];
            var held = staff.CurrentPosts.Any(p => p.SameJobAs(post));
            row.Kind = earlier.IsNew ? ImportRowKind.New : held ? ImportRowKind.Unchanged : ImportRowKind.Changed;
            row.Apply = held ? null : (_, _) => staff.AddPost(post.Role, post.UnitId, post.CommunityId, post.GridId, post.CourtyardId);
        }

        private Courtyard CourtyardNamed(CommunityId? community, string name) =>
            _courtyards.Values.Where(c => c.Name == name && (community is null || c.CommunityId == community)).ToList() is [var only] ? only
            : throw new DomainValidationException("ImportUnknownCourtyard", $"No one courtyard is named {name}: name its community.", "院落");

        /// <summary>A street by its name or its code (as case numbers carry it).</summary>
        private Street StreetNamed(string text) =>
            _streets.FirstOrDefault(s => s.Name == text || string.Equals(s.Code, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainValidationException("ImportUnknownStreet", $"No street is named {text}.", "街道");

        private Community? OptionalCommunity(string? name) => name is null ? null : RequiredCommunity(name);

        private Community RequiredCommunity(string? name) =>
            name is null ? throw new DomainValidationException("Required", "社区 is required.", "社区")
            : _communities.GetValueOrDefault(name) ?? throw new DomainValidationException("ImportUnknownCommunity", $"No community is named {name}.", "社区");

        private Grid? GridOf(CommunityId community, string? name, bool required) =>
            name is null ? required ? throw new DomainValidationException("Required", "网格 is required.", "网格") : null
            : _grids.GetValueOrDefault((community, name)) ?? throw new DomainValidationException("ImportUnknownGrid", $"The community has no grid named {name}.", "网格");

        /// <summary>A grid named without its community: known when only one community has a grid of that name.</summary>
        private Grid OnlyGridNamed(string name) =>
            _grids.Values.Where(g => g.Name == name).ToList() is [var only] ? only
            : throw new DomainValidationException("ImportUnknownGrid", $"No one grid is named {name}: name its community.", "网格");

        private static double? Number(string? text, string column, bool required = false) =>
            text is null ? required ? throw new DomainValidationException("Required", $"{column} is required.", column) : null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
              && (column != "户数" || number == Math.Floor(number))
                ? number
                : throw new DomainValidationException("ImportNotANumber", $"{column} is not a number.", column);

        /// <summary>
        /// The checks of a sheet's cells that need no other cell and nothing on file, each refusing as the row's classification
        /// does: run on a refused row, they name its other mistakes too.
        /// </summary>
        public static IReadOnlyList<Action<IReadOnlyDictionary<string, string?>>> CellChecks(RosterSheet sheet) => sheet switch
        {
            RosterSheet.Units =>
            [
                cells => PlainText.Required(SheetCells.Of(cells, "名称"), "名称", HandlingUnit.MaxNameLength),
                cells => RosterWords.UnitKindOf(SheetCells.Of(cells, "类型"), "类型"),
            ],
            RosterSheet.Courtyards =>
            [
                cells => PlainText.Required(SheetCells.Of(cells, "院落"), "院落", PlaceRules.MaxNameLength),
                cells => RosterWords.CourtyardKindOf(SheetCells.Of(cells, "类型"), "类型"),
                cells => Number(SheetCells.Of(cells, "户数"), "户数", required: true),
                cells => Number(SheetCells.Of(cells, "纬度"), "纬度"),
                cells => Number(SheetCells.Of(cells, "经度"), "经度"),
            ],
            _ =>
            [
                cells => PhoneNumber.Check(SheetCells.Of(cells, "电话"), "电话"),
                cells => RosterWords.RoleOf(SheetCells.Of(cells, "岗位"), "岗位"),
                cells => RosterWords.YesOf(SheetCells.Of(cells, "在岗"), "在岗"),
            ],
        };

        /// <summary>Whether an earlier row had the key: a file naming one twice is a mistake (which of the two rows is meant?).</summary>
        private bool Twice(string what, string key) => !_seen.Add($"{what}:{key}");
    }

    /// <summary>A problem's code and the sheet's column it is in.</summary>
    private sealed record RowProblem(string Code, string? Column);

    private sealed record FiledPerson(bool IsNew, StreetId? Street, List<StaffPost> Posts);

    private sealed class RosterRow
    {
        public int Number { get; init; }
        public ImportRowKind Kind { get; set; } = ImportRowKind.New;
        public string Name { get; set; } = "";
        /// <summary>An invalid row's problems: the one that stopped its classification first, then its other cells' own.</summary>
        public List<RowProblem> Problems { get; } = [];
        /// <summary>What accepting the row writes; none for an invalid row.</summary>
        public Action<CommandCenterDbContext, List<SignInCreated>>? Apply { get; set; }
    }
}

/// <summary>The roster's sheets, imported one at a time: units first, then courtyards, then the staff who work for them.</summary>
public enum RosterSheet
{
    Units,
    Courtyards,
    Staff,
}

/// <summary>What an accepted roster sheet did, and the sign-ins it made with their one-time passwords (shown this once).</summary>
public sealed record RosterImported(ImportPreview Summary, IReadOnlyList<SignInCreated> SignIns);

public sealed record SignInCreated(string UserName, string StaffName, string TemporaryPassword);
