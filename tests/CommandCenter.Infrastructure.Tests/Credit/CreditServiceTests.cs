using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Tests.Assessment;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Credit;

/// <summary>The credit ledger on a real SQLite file: items, appeals, inspections, automatic items, the frozen list, committee stars.</summary>
public sealed class CreditServiceTests
{
    private static readonly Post Street = TestDatabase.Everyone;

    private static CreditService Credit(TestDatabase database) => database.Service<CreditService>();

    private static HandlingUnit Company(TestDatabase database, int nth = 0) =>
        database.Directory.Units.Where(u => u.Kind == UnitKind.PropertyCompany).OrderBy(u => u.Id.Value).ElementAt(nth);

    private static Post StaffOf(TestDatabase database, AccessRole role, UnitId? unit = null) =>
        database.Directory.PostOf(database.Directory.Staff.First(s => s.Role == role && (unit is null || s.UnitId == unit)), ActSource.Console);

    private static DateOnly Today(TestDatabase database) => ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ItemsByHand_AreStored_Scored_AndAudited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var today = Today(database);

        await Credit(database).AddItemAsync(Street, new CreditItemInput(company.Id, CreditSource.Award, today, 6, "红色物业示范"));
        await Credit(database).AddItemAsync(Street, new CreditItemInput(company.Id, CreditSource.Judgment, today, -10, "消防通道堵塞被处罚"));

        var ledger = await Credit(database).LedgerAsync(Street, company.Id);
        Assert.Equal((76, CreditBand.A), (ledger.Standing.Score, ledger.Standing.Band));
        Assert.Equal(2, ledger.Items.Count);
        Assert.All(ledger.Items, i => Assert.Equal(today.AddYears(1), i.ValidUntil));
        var row = Assert.Single(await Credit(database).CompaniesAsync(Street), r => r.CompanyId == company.Id);
        Assert.Equal(76, row.Standing.Score);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.CreditItemAdded));
    }

    [Fact]
    public async Task AnItem_CannotBeChangedOrRemoved()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Credit(database).AddItemAsync(Street, new CreditItemInput(Company(database).Id, CreditSource.Manual, Today(database), -3, "垃圾清运不及时"));

        await using var db = database.NewContext();
        db.CreditItems.Remove(await db.CreditItems.SingleAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task AnAppeal_ByTheCompany_IsDecidedByALeader_AndUpheldVoidsTheItem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var staff = StaffOf(database, AccessRole.PropertyStaff);
        var companyId = staff.UnitId!.Value;
        var itemId = await Credit(database).AddItemAsync(Street, new CreditItemInput(companyId, CreditSource.Judgment, Today(database), -10, "违规", Veto: true));
        Assert.Equal(CreditListing.Black, (await Credit(database).LedgerAsync(staff, companyId)).Standing.Listing);

        var appealId = await Credit(database).AppealAsync(staff, companyId, new AppealInput(itemId, "处罚已撤销"));
        var dispatcher = StaffOf(database, AccessRole.Dispatcher);
        var refused = await Assert.ThrowsAsync<AccessRefusedException>(() =>
            Credit(database).DecideAppealAsync(dispatcher, companyId, appealId, new AppealDecisionInput(AppealOutcome.Upheld)));
        Assert.Equal(AccessRefusal.NotYourDecision, refused.Refusal);

        await Credit(database).DecideAppealAsync(StaffOf(database, AccessRole.StreetLeader), companyId, appealId, new AppealDecisionInput(AppealOutcome.Upheld, "核实"));

        var ledger = await Credit(database).LedgerAsync(staff, companyId);
        Assert.Equal(new CreditStanding(80, CreditBand.A, false, CreditListing.Ordinary), ledger.Standing);
        var item = Assert.Single(ledger.Items);
        Assert.True(item.Void);
        Assert.Equal(AppealState.Upheld, Assert.Single(item.Appeals).State);
        await Assert.ThrowsAsync<DomainException>(() =>
            Credit(database).DecideAppealAsync(Street, companyId, appealId, new AppealDecisionInput(AppealOutcome.Rejected)));
    }

    [Fact]
    public async Task ACompany_NeitherSeesNorAppeals_AnotherCompanysLedger()
    {
        await using var database = await TestDatabase.CreateAsync();
        var staff = StaffOf(database, AccessRole.PropertyStaff);
        var other = database.Directory.Units.First(u => u.Kind == UnitKind.PropertyCompany && u.Id != staff.UnitId);
        var itemId = await Credit(database).AddItemAsync(Street, new CreditItemInput(other.Id, CreditSource.Manual, Today(database), -2, "x"));

        Assert.Equal(AccessRefusal.OutOfScope, (await Assert.ThrowsAsync<AccessRefusedException>(() => Credit(database).LedgerAsync(staff, other.Id))).Refusal);
        Assert.Equal(AccessRefusal.OutOfScope,
            (await Assert.ThrowsAsync<AccessRefusedException>(() => Credit(database).AppealAsync(staff, other.Id, new AppealInput(itemId, "不服")))).Refusal);
        Assert.Equal([staff.UnitId!.Value], (await Credit(database).CompaniesAsync(staff)).Select(r => r.CompanyId));
    }

    [Fact]
    public async Task AMonthsInspection_IsEnteredOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);

        await Credit(database).EnterInspectionAsync(Street, new InspectionInput(company.Id, 2026, 11, 92, "环境整洁"));
        var again = await Assert.ThrowsAsync<DomainException>(() => Credit(database).EnterInspectionAsync(Street, new InspectionInput(company.Id, 2026, 11, 50)));

        Assert.Equal("InspectionAlreadyEntered", again.Code);
        Assert.Equal(83, (await Credit(database).LedgerAsync(Street, company.Id)).Standing.Score);
    }

    [Fact]
    public async Task APublishedList_IsFrozen_AndAMonthIsPublishedOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (first, second) = (Company(database, 0), Company(database, 1));
        await Credit(database).AddItemAsync(Street, new CreditItemInput(first.Id, CreditSource.Award, Today(database), 16, "市级表彰"));
        await Credit(database).AddItemAsync(Street, new CreditItemInput(second.Id, CreditSource.Judgment, Today(database), -25, "重大安全事故"));
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

        var published = await Credit(database).PublishAsync(Street, 2026, 11);
        // Later data: an item dated inside the month, and the month published again.
        await Credit(database).AddItemAsync(Street, new CreditItemInput(second.Id, CreditSource.Award, new DateOnly(2026, 11, 30), 30, "补录表彰"));
        var again = await Assert.ThrowsAsync<DomainException>(() => Credit(database).PublishAsync(Street, 2026, 11));

        Assert.Equal("AlreadyPublished", again.Code);
        var stored = await Credit(database).PublicationAsync("2026-11");
        Assert.NotNull(stored);
        Assert.Equal(published.Rows, stored.Rows);
        Assert.Equal((1, 96, CreditBand.AAA, CreditListing.Red), Row(stored, first.Id));
        Assert.Equal((Companies(database), 55, CreditBand.C, CreditListing.Black), Row(stored, second.Id));
        Assert.Equal(85, (await Credit(database).LedgerAsync(Street, second.Id)).Standing.Score);
        Assert.Equal(["2026-11"], await Credit(database).PublishedMonthsAsync());
    }

    [Fact]
    public async Task TheMonthlyRun_PublishesLastMonthOnce_AfterItsAutomaticItems()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.Cases.ReportAsync(database.Report(), database.Actor()); // 2026-11-22: live for the whole of December
        // 2027-01-01 00:30 in China: last month is 2026-12, across the year's turn.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        var first = await Credit(database).PublishLastMonthAsync(Street);
        var second = await Credit(database).PublishLastMonthAsync(Street);

        Assert.Equal("2026-12", first?.Month);
        Assert.Equal(Companies(database), first!.Rows.Count);
        Assert.Null(second);
        Assert.Equal(["2026-12"], await Credit(database).PublishedMonthsAsync());
        await using var db = database.NewContext();
        Assert.Equal(["2026-12"], await db.CreditAutomaticRuns.Select(r => r.Month).ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.CreditListPublished));
    }

    [Fact]
    public async Task TheMonthlyRun_OnAStreetWithNoCase_PublishesAndComputesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        Assert.Null(await Credit(database).PublishLastMonthAsync(Street));

        Assert.Null(await Credit(database).LiveFromAsync());
        Assert.Empty(await Credit(database).PublishedMonthsAsync());
        await using var db = database.NewContext();
        Assert.Empty(await db.CreditAutomaticRuns.ToListAsync());
        Assert.Empty(await db.CreditItems.ToListAsync());
    }

    [Fact]
    public async Task TheMonthlyRun_SkipsTheMonthTheStreetWentLiveIn_AndPublishesTheNext()
    {
        await using var database = await TestDatabase.CreateAsync();
        // The first case on 2026-11-22 (China): November was live for part of it only.
        await database.Cases.ReportAsync(database.Report(), database.Actor());

        database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        var november = await Credit(database).PublishLastMonthAsync(Street);
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        var december = await Credit(database).PublishLastMonthAsync(Street);

        Assert.Equal(new LiveFrom(new DateOnly(2026, 11, 22)), await Credit(database).LiveFromAsync());
        Assert.Null(november);
        Assert.Equal("2026-12", december?.Month);
        Assert.Equal(["2026-12"], await Credit(database).PublishedMonthsAsync());
        await using var db = database.NewContext();
        Assert.Equal(["2026-12"], await db.CreditAutomaticRuns.Select(r => r.Month).ToListAsync());
    }

    [Fact]
    public async Task TheMonthlyRun_LeavesAMonthAPersonPublished()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.Cases.ReportAsync(database.Report(), database.Actor());
        database.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 2, 0, 0, TimeSpan.Zero));
        var byHand = await Credit(database).PublishAsync(Street, 2026, 12);

        Assert.Null(await Credit(database).PublishLastMonthAsync(Street));
        Assert.Equal(byHand.Rows, (await Credit(database).PublicationAsync("2026-12"))!.Rows);
    }

    [Fact]
    public async Task SavedBands_GradeFromTheirMonth_AndAMonthBeforeKeepsItsBands()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        await Credit(database).AddItemAsync(Street, new CreditItemInput(company.Id, CreditSource.Award, Today(database), 6, "红色物业示范"));
        await Credit(database).AddItemAsync(Street, new CreditItemInput(company.Id, CreditSource.Judgment, Today(database), -10, "消防通道堵塞"));

        // 80 + 6 − 10 = 76: A by the defaults (A ≥ 75); from December A needs 78, so 76 is B there.
        var saved = await Credit(database).SaveBandsAsync(Street, new CreditBandsInput(95, 90, 78, 60, 2026, 12, ExpectedRevision: 0));
        var november = (await Credit(database).LedgerAsync(Street, company.Id)).Standing;
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        var published = await Credit(database).PublishAsync(Street, 2026, 11);
        var december = (await Credit(database).LedgerAsync(Street, company.Id)).Standing;

        Assert.Equal((1, "2026-12"), (saved.Revision, saved.From.Key));
        Assert.Equal((76, CreditBand.A), (november.Score, november.Band));
        Assert.Equal((76, CreditBand.A), (published.Rows.Single(r => r.CompanyId == company.Id).Score, published.Rows.Single(r => r.CompanyId == company.Id).Band));
        Assert.Equal((76, CreditBand.B), (december.Score, december.Band));
        Assert.Equal(CreditBand.B, Assert.Single(await Credit(database).CompaniesAsync(Street), r => r.CompanyId == company.Id).Standing.Band);
        var history = await Credit(database).BandHistoryAsync(Street);
        Assert.Equal(1, history.Latest);
        Assert.Equal(CreditBands.Defaults, history.On(new DateOnly(2026, 11, 30)));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.CreditBandsSaved));
    }

    [Fact]
    public async Task BandsStale_OutOfOrder_OrForAPublishedMonth_AreRefused_AndNothingIsStored()
    {
        await using var database = await TestDatabase.CreateAsync();
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await Credit(database).PublishAsync(Street, 2026, 11);
        await Credit(database).SaveBandsAsync(Street, new CreditBandsInput(95, 90, 75, 60, 2026, 12, ExpectedRevision: 0));

        await Assert.ThrowsAsync<StaleRecordException>(() =>
            Credit(database).SaveBandsAsync(Street, new CreditBandsInput(96, 90, 75, 60, 2027, 1, ExpectedRevision: 0)));
        Assert.Equal("CreditBandsOutOfOrder", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            Credit(database).SaveBandsAsync(Street, new CreditBandsInput(90, 95, 75, 60, 2027, 1, ExpectedRevision: 1)))).Code);
        Assert.Equal("MonthAlreadyPublished", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            Credit(database).SaveBandsAsync(Street, new CreditBandsInput(96, 90, 75, 60, 2026, 11, ExpectedRevision: 1)))).Code);
        Assert.Equal("Required", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            Credit(database).SaveBandsAsync(Street, new CreditBandsInput(96, 90, 75, null, 2027, 1, ExpectedRevision: 1)))).Code);

        Assert.Equal(1, (await Credit(database).BandHistoryAsync(Street)).Latest);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Credit(database).SaveBandsAsync(
            StaffOf(database, AccessRole.PropertyStaff), new CreditBandsInput(96, 90, 75, 60, 2027, 1, ExpectedRevision: 1)));
    }

    [Fact]
    public async Task AMonthNotOver_IsNotPublished()
    {
        await using var database = await TestDatabase.CreateAsync();

        Assert.Equal("MonthNotOver", (await Assert.ThrowsAsync<DomainValidationException>(() => Credit(database).PublishAsync(Street, 2026, 11))).Code);
    }

    [Fact]
    public async Task AutomaticItems_FollowTheMonthsFigures_AndRunningTwiceAddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await AssessmentQueriesTests.BuildPeriodAsync(database);
        database.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 2, 0, 0, TimeSpan.Zero));
        var figures = Assert.Single(await database.Service<AssessmentQueries>().UnitsAsync(Street, new CreditMonth(2026, 11).Period, UnitKind.PropertyCompany),
            r => r.UnitId == company.Id);
        var expected = Enum.GetValues<AutomaticCreditRule>().Select(r => AutomaticCreditRules.PointsOf(r, figures.Counts, CreditRules.Defaults)).Where(p => p != 0).ToList();
        Assert.NotEmpty(expected);

        var added = await Credit(database).RunAutomaticAsync(Street, 2026, 11);
        var twice = await Credit(database).RunAutomaticAsync(Street, 2026, 11);

        Assert.Equal(0, twice);
        var items = (await Credit(database).LedgerAsync(Street, company.Id)).Items;
        Assert.Equal(expected.Order(), items.Where(i => i.Source == CreditSource.Automatic).Select(i => i.Points).Order());
        await using var db = database.NewContext();
        Assert.Equal(added, await db.CreditItems.CountAsync());
        Assert.Equal(1, await db.CreditAutomaticRuns.CountAsync());
    }

    [Fact]
    public async Task SavedRules_MakeTheirMonthsItems_AndALaterRevisionLeavesAPublishedMonthAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await AssessmentQueriesTests.BuildPeriodAsync(database);
        // November for the company: 应结案 6, 缓办 1, 按期 3 → 2 not on time; 返工 1; 不满意 1.
        // Revision 1 from November: 3 off a late round, 5 off a rework, items valid 6 months.
        var first = await Credit(database).SaveRulesAsync(Street, Rules(overduePoints: 3, reworkPoints: 5, validityMonths: 6, from: (2026, 11), expected: 0));
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await Credit(database).RunAutomaticAsync(Street, 2026, 11);
        var published = await Credit(database).PublishAsync(Street, 2026, 11);

        var intoNovember = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Credit(database).SaveRulesAsync(Street, Rules(overduePoints: 1, from: (2026, 11), expected: 1)));
        var second = await Credit(database).SaveRulesAsync(Street, Rules(overduePoints: 1, inspectionGoodPoints: 2, from: (2026, 12), expected: 1));
        database.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 2, 0, 0, TimeSpan.Zero));
        await Credit(database).EnterInspectionAsync(Street, new InspectionInput(company.Id, 2026, 12, 85));

        Assert.Equal((1, 2), (first.Revision, second.Revision));
        Assert.Equal("MonthAlreadyPublished", intoNovember.Code);
        Assert.Equal(1, published.RulesRevision);
        var items = (await Credit(database).LedgerAsync(Street, company.Id)).Items;
        // −2 × 3 = −6, −1 × 5 = −5, −1: by revision 1, not the defaults' −2, −2, −1; valid until 2027-05-30.
        Assert.Equal([-6, -5, -1], items.Where(i => i.Source == CreditSource.Automatic).OrderBy(i => i.Id).Select(i => i.Points));
        Assert.All(items.Where(i => i.Source == CreditSource.Automatic), i => Assert.Equal(new DateOnly(2027, 5, 30), i.ValidUntil));
        // December's inspection by revision 2: 85 is good, +2 (the defaults give +1); valid the default year.
        var inspection = Assert.Single(items, i => i.Source == CreditSource.Inspection);
        Assert.Equal((2, new DateOnly(2027, 12, 31)), (inspection.Points, inspection.ValidUntil));
        Assert.Equal(published.Rows, (await Credit(database).PublicationAsync("2026-11"))!.Rows);
        await using var db = database.NewContext();
        Assert.Equal(1, (await db.CreditAutomaticRuns.SingleAsync()).RulesRevision);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.CreditRulesSaved));
    }

    [Fact]
    public async Task RulesNegativeEmptyOrStale_AreRefused_AndNothingIsStored()
    {
        await using var database = await TestDatabase.CreateAsync();

        var negative = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Credit(database).SaveRulesAsync(Street, Rules(validityMonths: -12, from: (2026, 12), expected: 0)));
        var empty = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Credit(database).SaveRulesAsync(Street, Rules(from: (2026, 12), expected: 0) with { DeductionCap = null }));
        await Credit(database).SaveRulesAsync(Street, Rules(from: (2026, 12), expected: 0));
        await Assert.ThrowsAsync<StaleRecordException>(() => Credit(database).SaveRulesAsync(Street, Rules(from: (2027, 1), expected: 0)));
        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            Credit(database).SaveRulesAsync(StaffOf(database, AccessRole.PropertyStaff), Rules(from: (2027, 1), expected: 1)));

        Assert.Equal(("CreditRuleOutOfRange", "validityMonths"), (negative.Code, negative.Field));
        Assert.Equal(("Required", "deductionCap"), (empty.Code, empty.Field));
        var history = await Credit(database).RuleHistoryAsync(Street);
        Assert.Equal(1, history.Latest);
        Assert.Equal(CreditRules.Defaults, history.For(new CreditMonth(2026, 11)).Rules);
    }

    /// <summary>The default rules but for the values given, to save from <paramref name="from"/>.</summary>
    private static CreditRulesInput Rules((int Year, int Month) from, int expected, int overduePoints = 1, int reworkPoints = 2, int inspectionGoodPoints = 1, int validityMonths = 12) =>
        CreditRulesInput.Of(CreditRulesInput.ValuesOf(CreditRules.Defaults).Select(v => (int?)v).ToArray(), from.Year, from.Month, expected) with
        {
            OverduePoints = overduePoints, ReworkPoints = reworkPoints, InspectionGoodPoints = inspectionGoodPoints, ValidityMonths = validityMonths,
        };

    [Fact]
    public async Task ACommittee_IsRatedOnceAYear_OnFiveDimensions()
    {
        await using var database = await TestDatabase.CreateAsync();
        var courtyard = database.Directory.Courtyards.First();
        var stars = Enum.GetValues<CommitteeDimension>().ToDictionary(d => d, d => 1 + (int)d);

        var rating = await Credit(database).RateCommitteeAsync(Street, new CommitteeRatingInput(courtyard.Id, 2026, stars));
        var again = await Assert.ThrowsAsync<DomainException>(() => Credit(database).RateCommitteeAsync(Street, new CommitteeRatingInput(courtyard.Id, 2026, stars)));

        Assert.Equal("CommitteeAlreadyRated", again.Code);
        Assert.Equal(3.0m, rating.Overall);
        var stored = Assert.Single(await Credit(database).CommitteeRatingsAsync(Street, 2026));
        Assert.Equal(stars, stored.Stars);
        Assert.Equal(Street.Name, stored.RatedBy);
    }

    private static int Companies(TestDatabase database) => database.Directory.Units.Count(u => u.Kind == UnitKind.PropertyCompany);

    private static (int Rank, int Score, CreditBand Band, CreditListing Listing) Row(CreditPublicationView list, UnitId company)
    {
        var row = list.Rows.Single(r => r.CompanyId == company);
        return (row.Rank, row.Score, row.Band, row.Listing);
    }
}
