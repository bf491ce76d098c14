using System.Linq.Expressions;
using System.Text.RegularExpressions;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases.Search;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Read side of the console, the phone, the API and the hub. Every read is for a post and
/// sees only the cases in its scope (<see cref="CaseScope"/>); a case outside it reads as
/// missing. Filtering, sorting and paging run in the database.
/// </summary>
public sealed partial class CaseQueries(
    IDbContextFactory<CommandCenterDbContext> contexts, OrganisationDirectory directory, DecisionRightsProvider decisions, DeadlineRulesProvider rules, TimeProvider clock)
{
    /// <summary>Reports of the same courtyard and category within this window are offered as duplicates.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromHours(24);

    private const int DescriptionExcerptLength = 80;
    private const int WalkSortOrderFrom = 2_000;
    /// <summary>
    /// Counting stops here: an exact count reads every match, a million index entries for a year's closed cases
    /// (over 100 ms on PostgreSQL), on every refresh of every open queue. Past it, totals are lower bounds.
    /// </summary>
    public const int CountCap = 10_000;

    /// <summary>
    /// A search's matches are counted no further than this: each is a hit of a search index joined to its case, a
    /// lookup per match (on PostgreSQL a probe of the case key for each row of the descriptions' table).
    /// </summary>
    public const int SearchCountCap = 2_000;
    /// <summary>The index drives the join, hit by hit: a count that stops at the cap stops reading the index there too.</summary>
    private const string FullTextByHit = "FROM CaseSearch CROSS JOIN Cases ON Cases.rowid = CaseSearch.rowid WHERE CaseSearch MATCH {0}";
    private const string FullTextWalkingSortOrder = "FROM Cases WHERE +rowid IN (SELECT rowid FROM CaseSearch WHERE CaseSearch MATCH {0})";
    private const string CourtyardsWalkingSortOrder = "FROM Cases WHERE +CourtyardId IN (SELECT value FROM json_each({0}))";
    private static string? _fromSqlColumns;

    public async Task<PagedResult<CaseListItem>> QueueAsync(Post post, CaseQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, CaseQuery.MaxPageSize);
        var (total, capped) = await CountAsync(Filter(db, post, query, walkSortOrder: false), CountLimit(query, pageSize), cancellationToken);
        var rows = await Sort(Filter(db, post, query, walkSortOrder: total >= WalkSortOrderFrom), query)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(ListRow)
            .ToListAsync(cancellationToken);
        return new PagedResult<CaseListItem>([.. rows.Select(ToItem)], total, capped);
    }

    /// <summary>
    /// How many cases of each state match the filters (the query's own state filters are ignored), counted up to
    /// <see cref="CountCap"/> (a search's to <see cref="SearchCountCap"/>). When more match in all, each state is
    /// counted on its own index; a search, which would be run once per state, leaves the counts of the first matches as
    /// lower bounds instead.
    /// </summary>
    public async Task<IReadOnlyDictionary<CaseState, CappedCount>> CountByStateAsync(Post post, CaseQuery filters, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matches = Filter(db, post, filters with { State = null, States = null }, walkSortOrder: false);
        var cap = CapFor(filters);
        var first = await matches.Take(cap + 1)
            .GroupBy(c => c.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
        var overCap = first.Values.Sum() > cap;
        if (!overCap) return Enum.GetValues<CaseState>().ToDictionary(state => state, state => new CappedCount(first.GetValueOrDefault(state), false));
        if (filters.HasSearch)
        {
            // One match past the cap only said there are more: the bounds add up to the cap, as the page's total does.
            first[first.MaxBy(c => c.Value).Key]--;
            return Enum.GetValues<CaseState>().ToDictionary(state => state, state => new CappedCount(first.GetValueOrDefault(state), true));
        }
        var counts = new Dictionary<CaseState, CappedCount>();
        foreach (var state in Enum.GetValues<CaseState>())
            counts[state] = await CountAsync(matches.Where(c => c.State == state), CountCap, cancellationToken);
        return counts;
    }

    public async Task<CaseDetail?> DetailAsync(Post post, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await db.Cases.AsNoTracking()
            .VisibleTo(post)
            .Include(c => c.Parts)
            .Include(c => c.HandlingRecords.OrderBy(r => r.Id))
            .Include(c => c.Timeline.OrderBy(e => e.Sequence))
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return @case is null ? null : DetailOf(@case, post);
    }

    public async Task<Guid?> FindByNumberAsync(Post post, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.VisibleTo(post).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Open or recent cases of the same courtyard and category: candidates for a merge.</summary>
    public async Task<IReadOnlyList<CaseListItem>> DuplicatesAsync(Post post, CourtyardId courtyardId, string categoryCode, Guid? except = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = clock.GetUtcNow().UtcDateTime - DuplicateWindow;
        var rows = await db.Cases.AsNoTracking()
            .VisibleTo(post)
            .Where(c => c.CourtyardId == courtyardId && c.CategoryCode == categoryCode && c.ReportedAtUtc >= since
                && c.State != CaseState.Rejected && c.State != CaseState.Merged && c.Id != except)
            .OrderByDescending(c => c.ReportedAtUtc)
            .Take(10)
            .Select(ListRow)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToItem)];
    }

    /// <summary>A department liaison's work: open cases it leads or holds a part of.</summary>
    public async Task<IReadOnlyList<DepartmentTicket>> DepartmentTicketsAsync(Post post, UnitId unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Cases.AsNoTracking()
            .VisibleTo(post)
            .Where(c => c.State != CaseState.Closed && c.State != CaseState.Rejected && c.State != CaseState.Merged
                && (c.CurrentUnitId == unitId || c.Parts.Any(p => p.UnitId == unitId)))
            .OrderBy(c => c.Clock.HandlingDeadlineUtc ?? c.Clock.SignDeadlineUtc)
            .Take(CaseQuery.MaxPageSize)
            .Select(c => new
            {
                Row = new CaseRow(c.Id, c.Number, c.State, c.Level, c.Urgency, c.CategoryCode, c.CommunityId, c.CourtyardId,
                    c.CurrentUnitId, c.Description.Substring(0, DescriptionExcerptLength), c.ReportedAtUtc, c.Clock.SignDeadlineUtc,
                    c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc, c.IsSupervised, c.ReworkCount, c.Version, c.Wait.WarningAtUtc, c.Wait.DeadlineUtc, c.LastChangedAtUtc),
                // The unit's open part first: after a 退回 it may have been asked again.
                Part = c.Parts.Where(p => p.UnitId == unitId)
                    .OrderBy(p => p.ClosedAtUtc != null || p.ReturnedAtUtc != null).ThenByDescending(p => p.Id)
                    .Select(p => new
                    {
                        p.Role, p.ClosedAtUtc, p.Result, p.ReturnedAtUtc, p.Clock.SignDeadlineUtc, p.Clock.HandlingDeadlineUtc,
                        Signed = p.Clock.SignedAtUtc != null || p.Clock.ReworkStartedAtUtc != null,
                    })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.Part is not { } part
            ? new DepartmentTicket(ToItem(r.Row), null, false, null)
            : new DepartmentTicket(ToItem(r.Row), part.Role, part.ClosedAtUtc is not null, part.Result,
                PartStatuses.Of(part.Role, part.ClosedAtUtc is not null, part.ReturnedAtUtc is not null, part.Signed),
                part.SignDeadlineUtc, part.HandlingDeadlineUtc))];
    }

    private IQueryable<Case> Filter(CommandCenterDbContext db, Post post, CaseQuery query, bool walkSortOrder)
    {
        var search = query.Search?.Trim();
        var cases = (string.IsNullOrEmpty(search) ? db.Cases.AsNoTracking() : Search(db, search, walkSortOrder)).VisibleTo(post);
        if (query.State is { } state) cases = cases.Where(c => c.State == state);
        if (query.States is { Count: > 0 } states) cases = cases.Where(c => states.Contains(c.State));
        if (query.Level is { } level) cases = cases.Where(c => c.Level == level);
        if (query.CommunityId is { } community) cases = cases.Where(c => c.CommunityId == community);
        if (query.CourtyardId is { } courtyard) cases = cases.Where(c => c.CourtyardId == courtyard);
        if (query.UnitId is { } unit) cases = cases.Where(c => c.CurrentUnitId == unit);
        if (!string.IsNullOrWhiteSpace(query.CategoryCode))
        {
            var code = query.CategoryCode.Trim();
            cases = code.Length <= 2 ? cases.Where(c => c.CategoryCode.StartsWith(code)) : cases.Where(c => c.CategoryCode == code);
        }
        if (query.Urgency is { } urgency) cases = cases.Where(c => c.Urgency == urgency);
        if (query.Supervised is { } supervised) cases = cases.Where(c => c.IsSupervised == supervised);
        if (query.Time is { } time) cases = cases.Where(CaseTimeStatus.Is(KnownValue.Of(time, "time"), clock.GetUtcNow().UtcDateTime));
        return cases;
    }

    /// <summary>
    /// One search box, three meanings, each answered by an index: a case number (or its
    /// start), a courtyard's name, or words of the description.
    /// </summary>
    /// <param name="walkSortOrder">
    /// With many full-text hits (or cases of the courtyards named), reading the sort index and checking each case against the
    /// hits finds a page after a few rows; with few hits, fetching each hit is cheaper.
    /// The unary + keeps SQLite from looking the hits up by rowid.
    /// </param>
    private IQueryable<Case> Search(CommandCenterDbContext db, string text, bool walkSortOrder)
    {
        var cases = db.Cases.AsNoTracking();
        switch (Classify(db, text))
        {
            case SearchKind.CaseNumber:
                var from = text.ToUpperInvariant();
                var to = from + char.MaxValue;
                return cases.Where(c => string.Compare(c.Number, from) >= 0 && string.Compare(c.Number, to) < 0);
            case SearchKind.Courtyard:
                var courtyards = CourtyardsNamed(text);
                // The same choice for a busy courtyard: through its own index SQLite reads and sorts all its cases.
                if (!walkSortOrder || !db.Database.IsSqlite()) return cases.Where(c => courtyards.Contains(c.CourtyardId));
                var courtyardSql = $"SELECT {_fromSqlColumns ??= FromSqlColumns(db.Model)} {CourtyardsWalkingSortOrder}";
                return db.Cases.FromSqlRaw(courtyardSql, System.Text.Json.JsonSerializer.Serialize(courtyards.Select(c => c.Value))).AsNoTracking();
            case SearchKind.FullText:
                var sql = $"SELECT {_fromSqlColumns ??= FromSqlColumns(db.Model)} {(walkSortOrder ? FullTextWalkingSortOrder : FullTextByHit)}";
                return db.Cases.FromSqlRaw(sql, SearchText.PhraseQuery(text)!).AsNoTracking();
            case SearchKind.Pair:
                var pairSql = $"SELECT {_fromSqlColumns ??= FromSqlColumns(db.Model)} FROM \"Cases\" WHERE {SearchText.PostgresPairMatch}";
                return db.Cases.FromSqlRaw(pairSql, text).AsNoTracking();
            case SearchKind.Contains when db.Database.IsNpgsql():
                var likeSql = $"SELECT {_fromSqlColumns ??= FromSqlColumns(db.Model)} FROM \"Cases\" WHERE {SearchText.PostgresLikeMatch}";
                return db.Cases.FromSqlRaw(likeSql, SearchText.LikePattern(text)).AsNoTracking();
            case SearchKind.Contains:
                // LIKE, as PostgreSQL's search does: SQL Server scans.
                var pattern = SearchText.LikePattern(text);
                return cases.Where(c => EF.Functions.Like(c.Description, pattern, SearchText.LikeEscape));
            default:
                return cases.Where(_ => false);
        }
    }

    /// <summary>
    /// Every column of the case (not the joined index's), and the complex types' once more as Clock_SignDeadlineUtc, Wait_DeadlineUtc and so on: EF Core 10
    /// reads a complex type's columns from a FromSql query by those default names, not by the names they are
    /// mapped to (dotnet/efcore#37355). Once EF reads the mapped names, the copies go unread.
    /// </summary>
    private static string FromSqlColumns(IModel model) =>
        string.Join(", ", ["\"Cases\".*", .. model.FindEntityType(typeof(Case))!.GetComplexProperties().SelectMany(complex => complex.ComplexType.GetProperties()
            .Select(p => $"\"{p.GetColumnName()}\" AS \"{complex.Name}_{p.Name}\""))]);

    private SearchKind Classify(CommandCenterDbContext db, string text) =>
        CaseNumberStart().IsMatch(text) ? SearchKind.CaseNumber
        : CourtyardsNamed(text).Count > 0 ? SearchKind.Courtyard
        : db.Database.IsNpgsql() && SearchText.IsPair(text) ? SearchKind.Pair
        : !db.Database.IsSqlite() ? SearchKind.Contains
        : SearchText.PhraseQuery(text) is null ? SearchKind.Nothing
        : SearchKind.FullText;

    private List<CourtyardId> CourtyardsNamed(string text) =>
        [.. directory.Courtyards.Where(c => c.Name.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(c => c.Id)];

    /// <summary>How far to count for a page: the cap, or past the page after the one asked for, so that the pager can go on.</summary>
    private static int CountLimit(CaseQuery query, int pageSize) =>
        (int)Math.Min(int.MaxValue - 1, Math.Max(CapFor(query), (Math.Max(query.Page, 0) + 2L) * pageSize));

    private static int CapFor(CaseQuery query) => query.HasSearch ? SearchCountCap : CountCap;

    /// <summary>The number of matches, read no further than <paramref name="limit"/>.</summary>
    private static async Task<CappedCount> CountAsync(IQueryable<Case> cases, int limit, CancellationToken cancellationToken)
    {
        var counted = await cases.Take(limit + 1).CountAsync(cancellationToken);
        return new CappedCount(Math.Min(counted, limit), counted > limit);
    }

    private enum SearchKind
    {
        Nothing,
        CaseNumber,
        Courtyard,
        FullText,
        Pair,
        Contains,
    }

    [GeneratedRegex(@"^[A-Za-z]{1,8}-\d")]
    private static partial Regex CaseNumberStart();

    private static IQueryable<Case> Sort(IQueryable<Case> cases, CaseQuery query)
    {
        Expression<Func<Case, object?>> key = query.Sort switch
        {
            CaseSort.Number => c => c.Number,
            CaseSort.HandlingDeadline => c => c.Clock.HandlingDeadlineUtc,
            CaseSort.Urgency => c => c.Urgency == Domain.Categories.Urgency.Critical ? 2 : c.Urgency == Domain.Categories.Urgency.Urgent ? 1 : 0,
            CaseSort.State => c => c.State,
            _ => c => c.ReportedAtUtc,
        };
        var ordered = query.Descending ? cases.OrderByDescending(key) : cases.OrderBy(key);
        return query.Descending ? ordered.ThenByDescending(c => c.Id) : ordered.ThenBy(c => c.Id);
    }

    private static readonly Expression<Func<Case, CaseRow>> ListRow = c => new CaseRow(
        c.Id, c.Number, c.State, c.Level, c.Urgency, c.CategoryCode, c.CommunityId, c.CourtyardId, c.CurrentUnitId,
        c.Description.Substring(0, DescriptionExcerptLength), c.ReportedAtUtc, c.Clock.SignDeadlineUtc, c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc,
        c.IsSupervised, c.ReworkCount, c.Version, c.Wait.WarningAtUtc, c.Wait.DeadlineUtc, c.LastChangedAtUtc);

    private CaseListItem ToItem(CaseRow r) => new(
        r.Id, r.Number, r.State, r.Level, r.Urgency, r.CategoryCode, directory.CategoryName(r.CategoryCode),
        directory.CommunityName(r.CommunityId), r.CourtyardId, directory.CourtyardName(r.CourtyardId), directory.UnitName(r.UnitId),
        r.Description, r.ReportedAtUtc, r.SignDeadlineUtc, r.WarningAtUtc, r.HandlingDeadlineUtc, r.IsSupervised, r.ReworkCount, r.Version, r.UnitId,
        r.WaitWarningAtUtc, r.WaitDeadlineUtc, r.LastChangedAtUtc);

    /// <summary>
    /// The detail of a case in hand (just created, say), as <paramref name="post"/> sees it: the
    /// reporter masked (a reveal is a logged act of its own) and only the commands the post may run.
    /// </summary>
    public CaseDetail DetailOf(Case c, Post post) => new()
    {
        Id = c.Id,
        Number = c.Number,
        State = c.State,
        Level = c.Level,
        Version = c.Version,
        Report = new()
        {
            Channel = c.Channel,
            Urgency = c.Urgency,
            CategoryCode = c.CategoryCode,
            CategoryName = directory.CategoryName(c.CategoryCode),
            Description = c.Description,
            ReportedAtUtc = c.ReportedAtUtc,
            RejectionReason = c.RejectionReason,
        },
        Place = new()
        {
            CommunityId = c.CommunityId,
            CommunityName = directory.CommunityName(c.CommunityId),
            CourtyardId = c.CourtyardId,
            CourtyardName = directory.CourtyardName(c.CourtyardId),
            BuildingName = c.BuildingId is { } b ? directory.Building(b)?.Name : null,
            Facility = CaseFacility.Of(c),
            Latitude = c.Latitude,
            Longitude = c.Longitude,
        },
        Reporter = new() { Name = PersonalData.MaskName(c.ReporterName), Phone = PersonalData.MaskPhone(c.ReporterPhone) },
        Handling = new()
        {
            CurrentUnitId = c.CurrentUnitId,
            UnitName = directory.UnitName(c.CurrentUnitId),
            IsSupervised = c.IsSupervised,
            SupervisionCount = c.SupervisionCount,
            ReworkCount = c.ReworkCount,
            ReturnCount = c.ReturnCount,
            EscalationCount = c.EscalationCount,
            IsArbitrated = c.IsArbitrated,
            AwaitsCloseDecision = c.AwaitsCloseDecision,
            UnsatisfiedReopenings = c.UnsatisfiedReopenings,
            NextDispatchIsArbitration = c.NextDispatchIsArbitration,
            DoneAtUtc = c.DoneAtUtc,
            ClosedAtUtc = c.ClosedAtUtc,
            ResultSummary = c.ResultSummary,
        },
        Deadlines = CaseDeadlines.Of(c.Clock, c.Wait, rules.Rules.Street, clock.GetUtcNow().UtcDateTime),
        Rating = c.Rating is { } rating ? new() { Rating = rating, Source = c.RatingSource, Comment = c.RatingComment } : null,
        PendingRequest = c.PendingRequest,
        Supervision = c.Supervision,
        Parts = [.. c.Parts.Select(p => PartView.Of(p, directory.UnitName(p.UnitId)!, clock.GetUtcNow().UtcDateTime))],
        HandlingRecords = [.. c.HandlingRecords.Select(r => new HandlingRecordView
        {
            UnitId = r.UnitId,
            UnitName = directory.UnitName(r.UnitId)!,
            Role = r.Role,
            Level = r.Level,
            Round = r.Round,
            StartedAtUtc = r.StartedAtUtc,
            SignDeadlineUtc = r.SignDeadlineUtc,
            SignedAtUtc = r.SignedAtUtc,
            HandlingDeadlineUtc = r.HandlingDeadlineUtc,
            Postponements = r.Postponements,
            WasDeferred = r.WasDeferred,
            EndedAtUtc = r.EndedAtUtc,
            Outcome = r.Outcome,
            SignedLate = r.SignedLate,
            HandledLate = r.HandledLate,
        })],
        Timeline = [.. c.Timeline.Select(e => new TimelineEntry
        {
            Sequence = e.Sequence,
            Type = e.Type,
            OccurredAtUtc = e.OccurredAtUtc,
            ActorName = e.ActorName,
            ActorStaffId = e.ActorStaffId,
            ActorRole = e.ActorRole,
            Source = e.Source,
            FromState = e.FromState,
            ToState = e.ToState,
            Level = e.Level,
            UnitName = directory.UnitName(e.UnitId),
            Note = e.Note,
            Attachments = e.Attachments,
            Detail = e.Detail,
            DetailAtUtc = e.DetailAtUtc,
        })],
        AllowedCommands = CommandRights.Filter(post, c, c.AllowedCommands(clock.GetUtcNow().UtcDateTime), decisions.Rights),
    };

    private sealed record CaseRow(
        Guid Id, string Number, CaseState State, Domain.Organisation.HandlingLevel Level, Domain.Categories.Urgency Urgency,
        string CategoryCode, CommunityId CommunityId, CourtyardId CourtyardId, UnitId? UnitId, string Description, DateTime ReportedAtUtc,
        DateTime? SignDeadlineUtc, DateTime? WarningAtUtc, DateTime? HandlingDeadlineUtc, bool IsSupervised, int ReworkCount, int Version, DateTime? WaitWarningAtUtc, DateTime? WaitDeadlineUtc,
        DateTime LastChangedAtUtc);
}
