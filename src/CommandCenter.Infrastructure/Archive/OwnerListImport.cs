using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Imports;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static CommandCenter.Infrastructure.Archive.ArchiveImport;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// An owner list read from a spreadsheet: the land registry's (不动产登记) or the property company's (一数一源, issue 17).
/// A row is one owner of one unit, so co-owners are several rows of one unit; a unit's rows together are its figures
/// (exclusive area with its source, use) and its title, and are classified together, as <see cref="ResidentBookImport"/>
/// classifies residents: new, changed (the record on file came from this same source), unchanged, conflicting (another
/// source keeps it and says otherwise: shown, never overwritten) or invalid. A unit not on file is added. One person
/// owning several units is one owner, found by ID number; the developer or an organisation by its name, so a
/// developer's unsold units are one owner's; a person without an ID number only by name on the same unit's title.
/// </summary>
public sealed class OwnerListImport(IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, ArchiveQueries archive,
    INumberSealer sealer, TimeProvider clock)
{
    /// <summary>The columns of the template, in order; a sheet is read by these headers.</summary>
    public static readonly IReadOnlyList<string> Columns = ["院落", "门牌", "专有面积", "面积来源", "用途", "业主", "业主类型", "身份证号", "电话", "份额", "代表人"];

    /// <summary>A street's 50,000 units with their co-owners; more is the wrong file.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The sources an owner list comes from.</summary>
    public static readonly IReadOnlyList<ArchiveSource> Sources = [ArchiveSource.LandRegistry, ArchiveSource.PropertyCompany];

    public async Task<ImportPreview> PreviewAsync(Post post, ArchiveSource? source, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows,
        CancellationToken cancellationToken = default)
    {
        var from = Require(post, source);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return Summary(Rows((await ClassifyAsync(db, post, from, rows, cancellationToken)).Units));
    }

    /// <summary>Applies the new and changed units in one write, with one audit entry; conflicting and invalid rows are left as the preview showed them.</summary>
    public Task<ImportPreview> AcceptAsync(Post post, ArchiveSource? source, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows,
        CancellationToken cancellationToken = default)
    {
        var from = Require(post, source);
        var now = clock.GetUtcNow().UtcDateTime;
        return unitOfWork.WriteAsync(async db =>
        {
            var (units, newOwners) = await ClassifyAsync(db, post, from, rows, cancellationToken);
            var nextHome = (await db.Homes.OrderByDescending(h => h.Id).Select(h => h.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1;
            var nextOwner = (await db.Owners.OrderByDescending(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1;
            // A street's list is 150,000 new rows: those are handed to the save untracked (CaseBatchSave.AddNew); a unit
            // on file changes through the context as any.
            List<Owner> addedOwners = [];
            List<Home> addedHomes = [];
            List<Ownership> addedTitles = [];
            // An owner new to the archive is recorded once, on the first unit of theirs accepted.
            Dictionary<OwnerId, OwnerId> recorded = [];
            OwnerId OnFile(OwnerId owner)
            {
                if (owner.Value > 0) return owner;
                if (recorded.TryGetValue(owner, out var id)) return id;
                var row = newOwners[owner];
                var added = Owner.Record(new OwnerId(nextOwner++), row.OwnerKind, row.Name,
                    row.IdNumber is { } number ? sealer.Seal(number, PersonalData.MaskIdNumber) : null,
                    row.Phone is { } phone ? sealer.Seal(phone, PersonalData.MaskPhone) : null, from, now);
                addedOwners.Add(added);
                return recorded[owner] = added.Id;
            }
            foreach (var unit in units.Where(u => u.Kind is ImportRowKind.New or ImportRowKind.Changed))
            {
                var first = unit.Rows[0];
                var home = unit.OnFile ?? Home.Record(new HomeId(nextHome++), unit.Courtyard, null, first.Unit, first.Area, first.AreaSource, first.Use, from, now);
                if (unit.OnFile is null) addedHomes.Add(home);
                else if (!home.Says(first.Area, first.AreaSource, first.Use)) home.Correct(first.Area, first.AreaSource, first.Use, from, now);
                var title = Ownership.Title(home.Id, [.. unit.Title.Select(o => (OnFile(o.Owner), o.Representative, o.Share))], from, now);
                if (unit.OnFile is null) addedTitles.AddRange(title);
                else HomeTitles.Record(db, unit.OnTitle, title, from, now);
            }
            CaseBatchSave.AddNew(db, addedOwners);
            CaseBatchSave.AddNew(db, addedHomes);
            CaseBatchSave.AddNew(db, addedTitles);
            var summary = Summary(Rows(units));
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.OwnerListImported, now, detail: $"{from}: {AuditDetail(summary)}"));
            return summary;
        }, cancellationToken);
    }

    private async Task<(List<UnitRows> Units, Dictionary<OwnerId, OwnerRow> NewOwners)> ClassifyAsync(CommandCenterDbContext db, Post post, ArchiveSource source,
        IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, CancellationToken cancellationToken)
    {
        CheckRowCount(rows, MaxRows, "owner list");
        var courtyards = archive.VisibleCourtyards(post).ToDictionary(c => c.Name.Trim(), c => c.Id);
        var parsed = rows.Select((cells, i) => Parse(cells, i + 2, courtyards, source)).ToList(); // the sheet's row: 1 is the header
        List<CourtyardId> scope = [.. courtyards.Values];
        var homes = (await db.Homes.Where(h => scope.Contains(h.CourtyardId)).ToListAsync(cancellationToken)).ToDictionary(h => (h.CourtyardId, h.UnitNumber));
        var titles = (await db.Ownerships.Where(o => db.Homes.Any(h => h.Id == o.HomeId && scope.Contains(h.CourtyardId))).ToListAsync(cancellationToken))
            .ToLookup(o => o.HomeId);
        var owners = await db.Owners.AsNoTracking().Select(o => new { o.Id, o.Kind, o.Name, o.IdNumberLookup }).ToListAsync(cancellationToken);
        var byNumber = owners.Where(o => o.IdNumberLookup != null).GroupBy(o => o.IdNumberLookup!).ToDictionary(g => g.Key, g => g.Min(o => o.Id));
        var byName = owners.Where(o => o.Kind != OwnerKind.Person).GroupBy(o => (o.Kind, o.Name)).ToDictionary(g => g.Key, g => g.Min(o => o.Id));
        var names = owners.ToDictionary(o => o.Id, o => o.Name);
        // Owners not on file get a stand-in id below zero, one per person across the file, made real when accepted.
        Dictionary<string, OwnerId> standIns = [];
        Dictionary<OwnerId, OwnerRow> newOwners = [];
        List<UnitRows> units = [];
        foreach (var rowsOfUnit in parsed.Where(r => r.Unit != "").GroupBy(r => (r.Courtyard, r.Unit)))
        {
            var unit = new UnitRows { Courtyard = rowsOfUnit.Key.Courtyard, Rows = [.. rowsOfUnit] };
            units.Add(unit);
            unit.OnFile = homes.GetValueOrDefault((unit.Courtyard, rowsOfUnit.Key.Unit));
            unit.OnTitle = unit.OnFile is { } home ? [.. titles[home.Id]] : [];
            try
            {
                if (unit.Rows.Any(r => r.Kind == ImportRowKind.Invalid))
                    throw new DomainValidationException("ImportUnitIncomplete", "Another row of this unit is invalid; the unit is left as it is.", "门牌");
                var first = unit.Rows[0];
                if (unit.Rows.Any(r => (r.Area, r.AreaSource, r.Use) != (first.Area, first.AreaSource, first.Use)))
                    throw new DomainValidationException("ImportUnitDisagrees", "The rows of one unit give different areas or uses.", "专有面积");
                foreach (var row in unit.Rows)
                {
                    var lookup = row.IdNumber is { } number ? sealer.LookupOf(number) : null;
                    OwnerId? onFile = lookup is not null ? byNumber.TryGetValue(lookup, out var found) ? found : null
                        : row.OwnerKind != OwnerKind.Person ? byName.TryGetValue((row.OwnerKind, row.Name), out var named) ? named : null
                        : unit.OnTitle.Select(o => o.OwnerId).Where(id => names[id] == row.Name).Select(id => (OwnerId?)id).FirstOrDefault();
                    var key = lookup ?? (row.OwnerKind != OwnerKind.Person ? $"{row.OwnerKind}:{row.Name}" : $"{unit.Courtyard}:{row.Unit}:{row.Name}");
                    if (onFile is null && !standIns.TryGetValue(key, out var standIn))
                    {
                        standIns[key] = standIn = new OwnerId(-standIns.Count - 1);
                        newOwners[standIn] = row;
                    }
                    unit.Title.Add((onFile ?? standIns[key], row.Representative, row.Share));
                }
                var title = Ownership.Title(unit.OnFile?.Id ?? default, unit.Title, source, default);
                unit.Kind = unit.OnFile switch
                {
                    null => ImportRowKind.New,
                    { } h when h.Says(first.Area, first.AreaSource, first.Use) && Ownership.SameTitle(unit.OnTitle, title) => ImportRowKind.Unchanged,
                    { } h when !h.Says(first.Area, first.AreaSource, first.Use) && h.Source != source =>
                        unit.Conflict(new DomainValidationException("ImportConflictingUnit", "Another source keeps this unit with another area or use.", "专有面积")),
                    _ when !Ownership.SameTitle(unit.OnTitle, title) && unit.OnTitle.Any(o => o.Source != source) =>
                        unit.Conflict(new DomainValidationException("ImportConflictingOwners", "Another source keeps other owners of this unit.", "业主")),
                    _ => ImportRowKind.Changed,
                };
            }
            catch (DomainException e)
            {
                foreach (var row in unit.Rows.Where(r => r.Kind != ImportRowKind.Invalid)) row.Refuse(e);
                unit.Kind = ImportRowKind.Invalid;
            }
            foreach (var row in unit.Rows.Where(r => r.Kind != ImportRowKind.Invalid && r.Kind != ImportRowKind.Conflicting)) row.Kind = unit.Kind;
        }
        // Rows refused before their unit was known are shown with the rest, in the sheet's order.
        units.AddRange(parsed.Where(r => r.Kind == ImportRowKind.Invalid && r.Unit == "").Select(r => new UnitRows { Rows = [r], Kind = ImportRowKind.Invalid }));
        return (units, newOwners);
    }

    /// <summary>One row's cells checked as the domain checks them, on records that are never stored; a refused row says why.</summary>
    private static OwnerRow Parse(IReadOnlyDictionary<string, string?> cells, int number, Dictionary<string, CourtyardId> courtyards, ArchiveSource source)
    {
        var row = new OwnerRow { Number = number, Name = Cell(cells, "业主") ?? "" };
        try
        {
            row.Courtyard = courtyards.GetValueOrDefault(Cell(cells, "院落") ?? "");
            if (row.Courtyard == default)
                throw new DomainValidationException("ImportUnknownCourtyard", "No courtyard of this name in your scope.", "院落");
            var area = decimal.TryParse(Cell(cells, "专有面积"), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var given)
                ? given : (decimal?)null;
            var unit = Home.Record(default, row.Courtyard, null, Cell(cells, "门牌"), area, ArchiveWords.AreaSourceOf(Cell(cells, "面积来源")),
                ArchiveWords.UseOf(Cell(cells, "用途")), source, default);
            (row.Unit, row.Area, row.AreaSource, row.Use) = (unit.UnitNumber, unit.ExclusiveArea, unit.AreaSource, unit.Use);
            row.OwnerKind = ArchiveWords.OwnerKindOf(Cell(cells, "业主类型"));
            row.Name = Owner.Record(default, row.OwnerKind, row.Name, null, null, source, default).Name;
            // A company's register number is no resident ID number: a developer or organisation is known by its name.
            row.IdNumber = row.OwnerKind == OwnerKind.Person ? IdNumber.Check(Cell(cells, "身份证号"), "身份证号") : null;
            row.Phone = PhoneNumber.Check(Cell(cells, "电话"), "电话");
            row.Share = ArchiveWords.ShareOf(Cell(cells, "份额"));
            row.Representative = ArchiveWords.YesOf(Cell(cells, "代表人"), "代表人");
        }
        catch (DomainException e)
        {
            row.Refuse(e);
        }
        return row;
    }

    private static List<OwnerRow> Rows(List<UnitRows> units) => [.. units.SelectMany(u => u.Rows).OrderBy(r => r.Number)];

    private static ArchiveSource Require(Post post, ArchiveSource? source)
    {
        if (!post.Can(Capability.KeepOwnerRegister)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
        return source is { } from && Sources.Contains(from)
            ? from : throw new DomainValidationException("ImportUnknownSource", "An owner list comes from the land registry or the property company.", "source");
    }

    private sealed class OwnerRow : ImportRow
    {
        public CourtyardId Courtyard { get; set; }
        /// <summary>Empty until the row's unit is read: a row refused before has no unit to go with.</summary>
        public string Unit { get; set; } = "";
        public decimal Area { get; set; }
        public AreaSource AreaSource { get; set; }
        public HomeUse Use { get; set; }
        public OwnerKind OwnerKind { get; set; }
        public string? IdNumber { get; set; }
        public string? Phone { get; set; }
        public decimal? Share { get; set; }
        public bool Representative { get; set; }
    }

    /// <summary>The rows of one unit of the sheet, with the unit and title on file they are compared to.</summary>
    private sealed class UnitRows
    {
        public CourtyardId Courtyard { get; init; }
        public required List<OwnerRow> Rows { get; init; }
        public Home? OnFile { get; set; }
        public IReadOnlyList<Ownership> OnTitle { get; set; } = [];
        public List<(OwnerId Owner, bool Representative, decimal? Share)> Title { get; } = [];
        public ImportRowKind Kind { get; set; }

        public ImportRowKind Conflict(DomainValidationException disagreement)
        {
            foreach (var row in Rows) row.Conflict(disagreement);
            return ImportRowKind.Conflicting;
        }
    }
}
