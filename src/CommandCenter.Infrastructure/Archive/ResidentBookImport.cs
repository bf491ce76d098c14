using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Imports;
using CommandCenter.Infrastructure.Persistence;
using static CommandCenter.Infrastructure.Archive.ArchiveImport;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// A community's resident book (居民台账) read from a spreadsheet (一数一源, issue 17). The preview classifies
/// every row — new, changed, unchanged, conflicting (the record on file came from another source and says
/// otherwise: shown, never overwritten) or invalid (with its problem) — and writes nothing. Accepting
/// classifies the same rows again inside one write and applies the new and changed ones only, so a file
/// imported twice changes nothing the second time. A resident is matched in their home by ID number, or
/// by name when the row has none.
/// </summary>
public sealed class ResidentBookImport(IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, ArchiveQueries archive,
    INumberSealer sealer, TimeProvider clock)
{
    /// <summary>The columns of the template, in order; a sheet is read by these headers.</summary>
    public static readonly IReadOnlyList<string> Columns = ["院落", "门牌", "姓名", "户号", "与户主关系", "身份证号", "电话", "标签"];

    /// <summary>More rows than a community's book holds is the wrong file.</summary>
    public const int MaxRows = 50_000;

    private const ArchiveSource Source = ArchiveSource.ResidentBook;

    public async Task<ImportPreview> PreviewAsync(Post post, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, CancellationToken cancellationToken = default)
    {
        Require(post);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return ArchiveImport.Summary(await ClassifyAsync(db, post, rows, cancellationToken));
    }

    /// <summary>Applies the new and changed rows in one write, with one audit entry; conflicting and invalid rows are left as the preview showed them.</summary>
    public Task<ImportPreview> AcceptAsync(Post post, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, CancellationToken cancellationToken = default)
    {
        Require(post);
        var now = clock.GetUtcNow().UtcDateTime;
        return unitOfWork.WriteAsync(async db =>
        {
            var classified = await ClassifyAsync(db, post, rows, cancellationToken);
            var nextId = (await db.Residents.OrderByDescending(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1;
            // A community's book is tens of thousands of new residents: handed to the save untracked.
            List<Resident> added = [];
            foreach (var row in classified)
            {
                if (row.Kind == ImportRowKind.New)
                    added.Add(Resident.Record(new ResidentId(nextId++), row.Home!.Value, row.Name, row.Household, row.Relation, null, row.Tags,
                        row.IdNumber is { } id ? sealer.Seal(id, PersonalData.MaskIdNumber) : null, row.Phone is { } phone ? sealer.Seal(phone, PersonalData.MaskPhone) : null,
                        Source, now));
                else if (row.Kind == ImportRowKind.Changed)
                    row.OnFile!.Change(row.Household, row.Relation, row.Tags, row.OnFile.MovedInOn, Source, now);
            }
            CaseBatchSave.AddNew(db, added);
            var summary = ArchiveImport.Summary(classified);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.ResidentBookImported, now, detail: ArchiveImport.AuditDetail(summary)));
            return summary;
        }, cancellationToken);
    }

    private async Task<List<ClassifiedRow>> ClassifyAsync(CommandCenterDbContext db, Post post, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows,
        CancellationToken cancellationToken)
    {
        ArchiveImport.CheckRowCount(rows, MaxRows, "resident book");
        var courtyards = archive.VisibleCourtyards(post).ToDictionary(c => c.Name.Trim(), c => c.Id);
        List<CourtyardId> scope = [.. courtyards.Values];
        var homes = (await db.Homes.AsNoTracking().Where(h => scope.Contains(h.CourtyardId)).Select(h => new { h.Id, h.CourtyardId, h.UnitNumber }).ToListAsync(cancellationToken))
            .ToDictionary(h => (h.CourtyardId, h.UnitNumber), h => h.Id);
        var residents = (await db.Residents.Where(r => r.Removal == null && db.Homes.Any(h => h.Id == r.HomeId && scope.Contains(h.CourtyardId))).ToListAsync(cancellationToken))
            .ToLookup(r => r.HomeId);
        var seen = new HashSet<(HomeId, string)>();
        List<ClassifiedRow> classified = [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new ClassifiedRow { Number = i + 2 }; // the sheet's row: 1 is the header
            classified.Add(row);
            try
            {
                var cells = rows[i];
                row.Name = SheetCells.Of(cells, "姓名") ?? "";
                var courtyard = courtyards.GetValueOrDefault(SheetCells.Of(cells, "院落") ?? "");
                if (courtyard == default || !homes.TryGetValue((courtyard, SheetCells.Of(cells, "门牌") ?? ""), out var home))
                    throw new DomainValidationException("ImportUnknownHome", "No home of this courtyard and unit number in your scope.", "门牌");
                row.Home = home;
                row.Household = int.TryParse(SheetCells.Of(cells, "户号") ?? "1", out var household) ? household : 0;
                row.Relation = ArchiveWords.RelationOf(SheetCells.Of(cells, "与户主关系"));
                row.Tags = ArchiveWords.TagsOf(SheetCells.Of(cells, "标签"));
                row.IdNumber = IdNumber.Check(SheetCells.Of(cells, "身份证号"), "身份证号");
                row.Phone = PhoneNumber.Check(SheetCells.Of(cells, "电话"), "电话");
                // The domain's own checks (name, household, tags), on a record that is never stored.
                Resident.Record(default, home, row.Name, row.Household, row.Relation, null, row.Tags, null, null, Source, default);
                if (!seen.Add((home, row.IdNumber ?? row.Name)))
                    throw new DomainValidationException("ImportRowTwice", "The same person is in the file twice.", "姓名");
                var lookup = row.IdNumber is { } id ? sealer.LookupOf(id) : null;
                row.OnFile = residents[home].FirstOrDefault(r => lookup is not null ? r.IdNumberLookup == lookup : r.Name == row.Name.Trim());
                row.Kind = row.OnFile switch
                {
                    null => ImportRowKind.New,
                    { } r when (r.Household, r.Relation, r.Tags) == (row.Household, row.Relation, row.Tags) => ImportRowKind.Unchanged,
                    { Source: Source } => ImportRowKind.Changed,
                    _ => ImportRowKind.Conflicting,
                };
            }
            catch (DomainException e)
            {
                row.Refuse(e);
            }
        }
        return classified;
    }

    private static void Require(Post post)
    {
        if (!post.Can(Capability.KeepResidentBook)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
    }

    private sealed class ClassifiedRow : ImportRow
    {
        public HomeId? Home { get; set; }
        public int Household { get; set; }
        public Relation Relation { get; set; }
        public ResidentTags Tags { get; set; }
        public string? IdNumber { get; set; }
        public string? Phone { get; set; }
        public Resident? OnFile { get; set; }
    }
}
