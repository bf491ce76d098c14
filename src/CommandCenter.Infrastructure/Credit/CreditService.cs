using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Credit;

/// <summary>
/// The property companies' credit ledgers and the owners' committees' stars (docs/decisions/0009).
/// Every change is one <see cref="UnitOfWork"/> with its audit entry; items, appeals, decisions,
/// published lists and ratings are only ever added. Who may is asked here, so pages and the API agree:
/// the street keeps the ledgers (<see cref="Capability.ManageCredit"/>), a company's staff see and
/// appeal only their own company's, and a street leader decides appeals (<see cref="Capability.DecideCreditAppeal"/>).
/// </summary>
public sealed class CreditService(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, OrganisationDirectory directory,
    AssessmentQueries assessment, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IReadOnlyList<HandlingUnit> Companies =>
        [.. directory.Units.Where(u => u.Kind == UnitKind.PropertyCompany).OrderBy(u => u.Id.Value)];

    /// <summary>Every company the post may see with its standing today, best first (a company's staff: their own).</summary>
    public async Task<IReadOnlyList<CreditCompanyRow>> CompaniesAsync(Post post, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ViewCredit);
        var companies = Companies.Where(c => MaySee(post, c.Id)).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ledgers = await LedgersAsync(db, companies.Select(c => c.Id).ToList(), cancellationToken);
        var today = ChinaTime.LocalDate(Now);
        var bands = (await BandHistoryAsync(db, cancellationToken)).On(today);
        return [.. companies
            .Select(c => new CreditCompanyRow(c.Id, c.Name, ledgers[c.Id].StandingOn(today, bands),
                ledgers[c.Id].Appeals.Count(a => ledgers[c.Id].StateOf(a) == AppealState.Pending)))
            .OrderByDescending(r => r.Standing.Score).ThenBy(r => r.CompanyId.Value)];
    }

    public async Task<CreditLedgerView> LedgerAsync(Post post, UnitId companyId, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ViewCredit);
        var company = Company(companyId);
        if (!MaySee(post, companyId)) throw new AccessRefusedException(AccessRefusal.OutOfScope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.LocalDate(Now);
        return CreditLedgerView.Of(await LedgerAsync(db, companyId, cancellationToken), company.Name, today,
            (await BandHistoryAsync(db, cancellationToken)).On(today));
    }

    /// <summary>An award, a judgment or a manual item; automatic and inspection items have commands of their own.</summary>
    public async Task<long> AddItemAsync(Post post, CreditItemInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ManageCredit);
        var companyId = Company(RequestField.Required(input.CompanyId, "companyId")).Id;
        var source = RequestField.Required(input.Source, "source");
        if (source is not (CreditSource.Award or CreditSource.Judgment or CreditSource.Manual))
            throw new DomainValidationException("SourceNotByHand", $"{source} items are not entered by hand.", "source");
        var date = RequestField.Required(input.Date, "date");
        var rules = (await RuleHistoryAsync(cancellationToken)).For(new CreditMonth(date.Year, date.Month)).Rules;
        var item = CreditItem.Record(companyId, source, date, RequestField.Required(input.Points, "points"),
            input.Reason, post.Actor, Now, input.Veto, input.ValidUntil ?? rules.ValidUntil(date));
        return await AddAsync(post, item, AuditActions.CreditItemAdded, cancellationToken);
    }

    /// <summary>The street's inspection score of a company for a month; a second one for the same month is refused.</summary>
    public async Task<long> EnterInspectionAsync(Post post, InspectionInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ManageCredit);
        var companyId = Company(RequestField.Required(input.CompanyId, "companyId")).Id;
        var month = new CreditMonth(RequestField.Required(input.Year, "year"), RequestField.Required(input.Month, "month"));
        var rules = (await RuleHistoryAsync(cancellationToken)).For(month).Rules;
        var item = InspectionRules.ItemFor(companyId, month, RequestField.Required(input.Score, "score"), input.Note, rules, post.Actor, Now);
        return await AddAsync(post, item, AuditActions.CreditInspectionEntered, cancellationToken);
    }

    private async Task<long> AddAsync(Post post, CreditItem item, string action, CancellationToken cancellationToken)
    {
        await unitOfWork.WriteAsync(async db =>
        {
            if (item.RuleKey is { } key && await db.CreditItems.AnyAsync(i => i.CompanyId == item.CompanyId && i.RuleKey == key, cancellationToken))
                throw new DomainException("InspectionAlreadyEntered", $"{key} is already on the ledger of company {item.CompanyId}.");
            db.CreditItems.Add(item);
            db.AuditEntries.Add(AuditLog.EntryOf(post, action, Now,
                detail: $"Company {item.CompanyId}: {item.Source} {item.Points:+0;-0;0} on {item.Date:yyyy-MM-dd}{(item.Veto ? " (veto)" : "")}, {item.Reason}"));
        }, cancellationToken);
        return item.Id;
    }

    /// <summary>异议 by the company's own staff against one of its items.</summary>
    public async Task<long> AppealAsync(Post post, UnitId companyId, AppealInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.AppealCredit);
        Company(companyId);
        if (post.Role != AccessRole.System && post.UnitId != companyId) throw new AccessRefusedException(AccessRefusal.OutOfScope);
        var itemId = RequestField.Required(input.ItemId, "itemId");
        var appeal = await unitOfWork.WriteAsync(async db =>
        {
            var filed = (await LedgerAsync(db, companyId, cancellationToken)).Appeal(itemId, input.Reason, post.Actor, Now);
            db.CreditAppeals.Add(filed);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.CreditAppealFiled, Now, detail: $"Company {companyId}, item {itemId}: {filed.Reason}"));
            return filed;
        }, cancellationToken);
        return appeal.Id;
    }

    /// <summary>The street's decision on a pending appeal: upheld voids the item, rejected leaves it standing.</summary>
    public async Task DecideAppealAsync(Post post, UnitId companyId, long appealId, AppealDecisionInput input, CancellationToken cancellationToken = default)
    {
        if (!post.Can(Capability.DecideCreditAppeal)) throw new AccessRefusedException(AccessRefusal.NotYourDecision);
        Company(companyId);
        var outcome = RequestField.Required(input.Outcome, "outcome");
        try
        {
            await unitOfWork.WriteAsync(async db =>
            {
                var decision = (await LedgerAsync(db, companyId, cancellationToken)).Decide(appealId, outcome, input.Note, post.Actor, Now);
                db.CreditAppealDecisions.Add(decision);
                db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.CreditAppealDecided, Now, detail: $"Company {companyId}, appeal {appealId}: {outcome}"));
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on the appeal: another leader decided it in the same moment.
            throw new StaleRecordException($"Appeal {appealId}");
        }
    }

    /// <summary>
    /// The automatic items of an ended month for every company, from its assessment figures (all cases,
    /// whoever asks), by the rules in force for the month. A month is computed once: running it again adds nothing and answers 0.
    /// </summary>
    public async Task<int> RunAutomaticAsync(Post post, int year, int month, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ManageCredit);
        var period = new CreditMonth(year, month).Ended(Now);
        var figures = await assessment.UnitsAsync(Post.System(post.Source), period.Period, UnitKind.PropertyCompany, cancellationToken);
        return await unitOfWork.WriteAsync(async db =>
        {
            if (await db.CreditAutomaticRuns.AnyAsync(r => r.Month == period.Key, cancellationToken)) return 0;
            var rules = (await RuleHistoryAsync(db, cancellationToken)).For(period);
            var items = figures.SelectMany(f => AutomaticCreditRules.ItemsFor(f.UnitId, period, f.Counts, rules.Rules, post.Actor, Now)).ToList();
            db.CreditItems.AddRange(items);
            db.CreditAutomaticRuns.Add(new CreditAutomaticRun
            {
                Month = period.Key, RanAtUtc = Now, RanBy = post.Name, ItemsAdded = items.Count, RulesRevision = rules.Revision,
            });
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.CreditAutomaticItemsAdded, Now,
                detail: $"{period.Key}: {items.Count} items by rules revision {rules.Revision}"));
            return items.Count;
        }, cancellationToken);
    }

    /// <summary>Publishes an ended month's list: each company's standing on its last day, frozen; a month is published once.</summary>
    public async Task<CreditPublicationView> PublishAsync(Post post, int year, int month, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ManageCredit);
        var period = new CreditMonth(year, month).Ended(Now);
        try
        {
            return await unitOfWork.WriteAsync(async db =>
            {
                if (await db.CreditPublications.AnyAsync(p => p.Month == period.Key, cancellationToken))
                    throw new DomainException("AlreadyPublished", $"The list of {period.Key} is already published.");
                var bands = (await BandHistoryAsync(db, cancellationToken)).On(period.LastDay);
                var standings = (await LedgersAsync(db, Companies.Select(c => c.Id).ToList(), cancellationToken))
                    .Select(l => (Company: Company(l.Key), Standing: l.Value.StandingOn(period.LastDay, bands)))
                    .ToList();
                var publication = new CreditPublication
                {
                    Month = period.Key, PublishedAtUtc = Now, PublishedBy = post.Name,
                    RulesRevision = (await RuleHistoryAsync(db, cancellationToken)).For(period).Revision,
                    Rows = [.. standings.Select(s => new CreditPublicationRow
                    {
                        Month = period.Key, CompanyId = s.Company.Id, CompanyName = s.Company.Name,
                        Rank = 1 + standings.Count(o => o.Standing.Score > s.Standing.Score),
                        Score = s.Standing.Score, Band = s.Standing.Band, Listing = s.Standing.Listing,
                    })],
                };
                db.CreditPublications.Add(publication);
                db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.CreditListPublished, Now, detail: $"{period.Key}: {publication.Rows.Count} companies"));
                return CreditPublicationView.Of(publication);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new StaleRecordException($"The list of {period.Key}");
        }
    }

    /// <summary>
    /// The monthly job's work (<see cref="MonthlyCreditJob"/>): last month's automatic items, then its list, each once.
    /// Null when the list was already published — by an earlier run, another server or a person in the same moment —
    /// and when the street was not live for the whole month (<see cref="LiveFrom"/>): then nothing is computed either.
    /// </summary>
    public async Task<CreditPublicationView?> PublishLastMonthAsync(Post post, CancellationToken cancellationToken = default)
    {
        var month = CreditMonth.Before(ChinaTime.LocalDate(Now));
        if (await LiveFromAsync(cancellationToken) is not { } live || !live.CoversWhole(month)) return null;
        await RunAutomaticAsync(post, month.Year, month.Month, cancellationToken);
        if ((await PublishedMonthsAsync(cancellationToken)).Contains(month.Key)) return null;
        try
        {
            return await PublishAsync(post, month.Year, month.Month, cancellationToken);
        }
        catch (Exception e) when (e is StaleRecordException or DomainException { Code: "AlreadyPublished" })
        {
            return null;
        }
    }

    /// <summary>The day the street's first case was reported; null on a street with none.</summary>
    public async Task<LiveFrom?> LiveFromAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return LiveFrom.OfFirstCase(await db.Cases.OrderBy(c => c.ReportedAtUtc).Select(c => (DateTime?)c.ReportedAtUtc).FirstOrDefaultAsync(cancellationToken));
    }

    /// <summary>Every saved revision of the bands (the defaults hold before the first).</summary>
    public async Task<CreditBandHistory> BandHistoryAsync(Post post, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ViewCredit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await BandHistoryAsync(db, cancellationToken);
    }

    /// <summary>
    /// Saves the street's bands as the next revision, given the revision the editor saw (stale: 409), in force
    /// from the first day of a month whose list is not published yet: a published list keeps the bands it was graded by.
    /// </summary>
    public async Task<CreditBandRevision> SaveBandsAsync(Post post, CreditBandsInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ManageCredit);
        var expected = RequestField.Required(input.ExpectedRevision, "expectedRevision");
        var bands = new CreditBands(RequestField.Required(input.Aaa, "aaa"), RequestField.Required(input.Aa, "aa"),
            RequestField.Required(input.A, "a"), RequestField.Required(input.B, "b"));
        var from = new CreditMonth(RequestField.Required(input.FromYear, "fromYear"), RequestField.Required(input.FromMonth, "fromMonth"));
        return await SaveRevisionAsync("The credit bands", expected, from,
            db => db.CreditBandRevisions.MaxAsync(b => (int?)b.Revision, cancellationToken),
            (db, revision) =>
            {
                var stored = new StoredCreditBands
                {
                    Revision = revision, FromMonth = from.Key, Aaa = bands.AAA, Aa = bands.AA, A = bands.A, B = bands.B,
                    SavedAtUtc = Now, SavedBy = post.Name,
                };
                db.CreditBandRevisions.Add(stored);
                db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.CreditBandsSaved, Now,
                    detail: $"Revision {revision} from {from.Key}: AAA ≥ {bands.AAA}, AA ≥ {bands.AA}, A ≥ {bands.A}, B ≥ {bands.B}"));
                return stored.ToRevision();
            }, cancellationToken);
    }

    /// <summary>Every saved revision of the credit rules (the defaults hold before the first).</summary>
    public async Task<CreditRuleHistory> RuleHistoryAsync(Post post, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ViewCredit);
        return await RuleHistoryAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the street's credit rules as the next revision, like the bands (stale: 409), from a month whose automatic
    /// items are not made and whose list is not published: what a month's items were made by never changes.
    /// </summary>
    public async Task<CreditRuleRevision> SaveRulesAsync(Post post, CreditRulesInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ManageCredit);
        var expected = RequestField.Required(input.ExpectedRevision, "expectedRevision");
        var rules = input.ToRules();
        var from = new CreditMonth(RequestField.Required(input.FromYear, "fromYear"), RequestField.Required(input.FromMonth, "fromMonth"));
        return await SaveRevisionAsync("The credit rules", expected, from,
            db => db.CreditRuleRevisions.MaxAsync(r => (int?)r.Revision, cancellationToken),
            (db, revision) =>
            {
                var stored = new StoredCreditRules { Revision = revision, FromMonth = from.Key, Rules = rules, SavedAtUtc = Now, SavedBy = post.Name };
                db.CreditRuleRevisions.Add(stored);
                db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.CreditRulesSaved, Now, detail: $"Revision {revision} from {from.Key}: {rules}"));
                return stored.ToRevision();
            }, cancellationToken,
            alsoMade: db => db.CreditAutomaticRuns.AnyAsync(r => string.Compare(r.Month, from.Key) >= 0, cancellationToken));
    }

    /// <summary>
    /// The next revision of a revisioned setting: refused as stale (409) unless <paramref name="expected"/> is the newest,
    /// and (422 MonthAlreadyPublished) when the list of <paramref name="from"/> or a later month is published or,
    /// where given, <paramref name="alsoMade"/> says the month's figures are made already.
    /// </summary>
    private async Task<T> SaveRevisionAsync<T>(
        string what, int expected, CreditMonth from, Func<CommandCenterDbContext, Task<int?>> newest, Func<CommandCenterDbContext, int, T> add,
        CancellationToken cancellationToken, Func<CommandCenterDbContext, Task<bool>>? alsoMade = null)
    {
        try
        {
            return await unitOfWork.WriteAsync(async db =>
            {
                var current = await newest(db) ?? 0;
                if (current != expected) throw new StaleRecordException($"{what} (now at revision {current}, not {expected})");
                if (await db.CreditPublications.AnyAsync(p => string.Compare(p.Month, from.Key) >= 0, cancellationToken)
                    || (alsoMade is not null && await alsoMade(db)))
                    throw new DomainValidationException("MonthAlreadyPublished", $"{from.Key} or a later month is made or published; what made it stays.", "fromMonth");
                return add(db, current + 1);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The revision is the key: another editor saved the same revision in the same moment.
            throw new StaleRecordException($"{what} (revision {expected + 1})");
        }
    }

    /// <summary>The published lists, newest first; the public page shows the newest.</summary>
    public async Task<IReadOnlyList<string>> PublishedMonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CreditPublications.AsNoTracking().OrderByDescending(p => p.Month).Select(p => p.Month).ToListAsync(cancellationToken);
    }

    /// <summary>A published list as it was frozen, or null; anyone may read one (the public page).</summary>
    public async Task<CreditPublicationView?> PublicationAsync(string month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var publication = await db.CreditPublications.AsNoTracking().Include(p => p.Rows).SingleOrDefaultAsync(p => p.Month == month, cancellationToken);
        return publication is null ? null : CreditPublicationView.Of(publication);
    }

    /// <summary>评估定星 of one courtyard's owners' committee for a year; one rating a committee a year.</summary>
    public async Task<CommitteeRatingView> RateCommitteeAsync(Post post, CommitteeRatingInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ManageCredit);
        var courtyardId = RequestField.Required(input.CourtyardId, "courtyardId");
        var courtyard = directory.Courtyard(courtyardId) ?? throw new UnknownReferenceException("courtyardId", courtyardId.ToString());
        var rating = CommitteeRating.Rate(courtyardId, RequestField.Required(input.Year, "year"), input.Stars ?? new Dictionary<CommitteeDimension, int>(), post.Actor, Now);
        await unitOfWork.WriteAsync(async db =>
        {
            if (await db.CommitteeRatings.AnyAsync(r => r.CourtyardId == courtyardId && r.Year == rating.Year, cancellationToken))
                throw new DomainException("CommitteeAlreadyRated", $"The committee of {courtyard.Name} is already rated for {rating.Year}.");
            db.CommitteeRatings.Add(rating);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.CommitteeRated, Now,
                detail: $"{courtyard.Name} {rating.Year}: " + string.Join(", ", Enum.GetValues<CommitteeDimension>().Select(d => $"{d}={rating.StarsOn(d)}"))));
        }, cancellationToken);
        return CommitteeRatingView.Of(rating, courtyard.Name);
    }

    public async Task<IReadOnlyList<CommitteeRatingView>> CommitteeRatingsAsync(Post post, int year, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.ViewCredit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ratings = await db.CommitteeRatings.AsNoTracking().Where(r => r.Year == year).ToListAsync(cancellationToken);
        return [.. ratings.Select(r => CommitteeRatingView.Of(r, directory.CourtyardName(r.CourtyardId))).OrderByDescending(r => r.Overall).ThenBy(r => r.CourtyardId.Value)];
    }

    private static void Require(Post post, Capability capability)
    {
        if (!post.Can(capability)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
    }

    /// <summary>The street's posts see every company; a company's staff only their own.</summary>
    private static bool MaySee(Post post, UnitId companyId) => post.Role != AccessRole.PropertyStaff || post.UnitId == companyId;

    private HandlingUnit Company(UnitId id) =>
        directory.Unit(id) is { Kind: UnitKind.PropertyCompany } unit ? unit : throw new UnknownReferenceException("companyId", id.ToString());

    private static async Task<CreditBandHistory> BandHistoryAsync(CommandCenterDbContext db, CancellationToken cancellationToken) =>
        new((await db.CreditBandRevisions.AsNoTracking().ToListAsync(cancellationToken)).Select(b => b.ToRevision()));

    private async Task<CreditRuleHistory> RuleHistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RuleHistoryAsync(db, cancellationToken);
    }

    private static async Task<CreditRuleHistory> RuleHistoryAsync(CommandCenterDbContext db, CancellationToken cancellationToken) =>
        new((await db.CreditRuleRevisions.AsNoTracking().ToListAsync(cancellationToken)).Select(r => r.ToRevision()));

    private static async Task<CreditLedger> LedgerAsync(CommandCenterDbContext db, UnitId companyId, CancellationToken cancellationToken) =>
        (await LedgersAsync(db, [companyId], cancellationToken))[companyId];

    private static async Task<Dictionary<UnitId, CreditLedger>> LedgersAsync(CommandCenterDbContext db, IReadOnlyList<UnitId> companyIds, CancellationToken cancellationToken)
    {
        // A list, not an array: C# 14 binds array.Contains to a span overload that EF cannot translate.
        var ids = companyIds.ToList();
        var items = await db.CreditItems.AsNoTracking().Where(i => ids.Contains(i.CompanyId)).ToListAsync(cancellationToken);
        var appeals = await db.CreditAppeals.AsNoTracking().Where(a => ids.Contains(a.CompanyId)).ToListAsync(cancellationToken);
        var appealIds = appeals.Select(a => a.Id).ToList();
        var decided = await db.CreditAppealDecisions.AsNoTracking().Where(d => appealIds.Contains(d.AppealId)).ToListAsync(cancellationToken);
        return ids.ToDictionary(id => id, id => new CreditLedger(id, items, appeals, decided));
    }
}
