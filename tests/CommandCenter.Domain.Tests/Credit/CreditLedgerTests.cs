using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Credit;

/// <summary>The credit ledger's arithmetic (docs/decisions/0009): base 80, items in force and not void, bands, the veto.</summary>
public sealed class CreditLedgerTests
{
    private static readonly UnitId Company = new(7);
    private static readonly Actor Street = new("街道 王", AccessRole.Dispatcher, null, ActSource.Console);
    private static readonly Actor Leader = new("街道 李", AccessRole.StreetLeader, null, ActSource.Console);
    private static readonly Actor CompanyStaff = new("物业 张", AccessRole.PropertyStaff, Company, ActSource.Console);
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = ChinaTime.LocalDate(Now);

    private static CreditItem Item(CreditSource source, int points, DateOnly? date = null, bool veto = false) =>
        CreditItem.Record(Company, source, date ?? Today.AddDays(-10), points, $"{source} {points}", Street, Now, veto);

    private static CreditLedger Ledger(IEnumerable<CreditItem> items, IEnumerable<CreditAppeal>? appeals = null, IEnumerable<CreditAppealDecision>? decisions = null) =>
        new(Company, items, appeals ?? [], decisions ?? []);

    [Fact]
    public void AnAwardOfSix_AndAJudgmentOfTen_Give76_InBandA()
    {
        var ledger = Ledger([Item(CreditSource.Award, 6), Item(CreditSource.Judgment, -10)]);

        var standing = ledger.StandingOn(Today, CreditBands.Defaults);

        Assert.Equal(76, standing.Score);
        Assert.Equal(CreditBand.A, standing.Band);
        Assert.Equal(CreditListing.Ordinary, standing.Listing);
    }

    [Theory]
    [InlineData(0, 80, CreditBand.A)]
    [InlineData(15, 95, CreditBand.AAA)]
    [InlineData(14, 94, CreditBand.AA)]
    [InlineData(10, 90, CreditBand.AA)]
    [InlineData(9, 89, CreditBand.A)]
    [InlineData(-5, 75, CreditBand.A)]
    [InlineData(-6, 74, CreditBand.B)]
    [InlineData(-20, 60, CreditBand.B)]
    [InlineData(-21, 59, CreditBand.C)]
    [InlineData(60, 100, CreditBand.AAA)]
    [InlineData(-100, 0, CreditBand.C)]
    public void TheScore_IsHeldWithin0And100_AndFallsInItsBand(int points, int score, CreditBand band)
    {
        var items = points == 0 ? [] : new[] { Item(points > 0 ? CreditSource.Award : CreditSource.Judgment, points) };

        var standing = Ledger(items).StandingOn(Today, CreditBands.Defaults);

        Assert.Equal((score, band), (standing.Score, standing.Band));
    }

    [Fact]
    public void BandC_IsOnTheBlackList_AndAAA_OnTheRedList()
    {
        Assert.Equal(CreditListing.Black, Ledger([Item(CreditSource.Judgment, -30)]).StandingOn(Today, CreditBands.Defaults).Listing);
        Assert.Equal(CreditListing.Red, Ledger([Item(CreditSource.Award, 20)]).StandingOn(Today, CreditBands.Defaults).Listing);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(0)]
    [InlineData(-30)]
    public void AVetoItem_PutsTheCompanyOnTheBlackList_AtAnyScore(int awardPoints)
    {
        var items = new List<CreditItem> { Item(CreditSource.Judgment, -1, veto: true) };
        if (awardPoints > 0) items.Add(Item(CreditSource.Award, awardPoints));
        if (awardPoints < 0) items.Add(Item(CreditSource.Judgment, awardPoints));

        var standing = Ledger(items).StandingOn(Today, CreditBands.Defaults);

        Assert.True(standing.Vetoed);
        Assert.Equal(CreditListing.Black, standing.Listing);
        Assert.Equal(Math.Clamp(80 - 1 + awardPoints, 0, 100), standing.Score);
    }

    [Fact]
    public void AnItem_CountsForOneYearFromItsDate_AndNoLonger()
    {
        var date = new DateOnly(2025, 11, 10);
        var ledger = Ledger([Item(CreditSource.Judgment, -10, date)]);

        Assert.Equal(new DateOnly(2026, 11, 10), ledger.Items[0].ValidUntil);
        Assert.Equal(70, ledger.StandingOn(new DateOnly(2026, 11, 9), CreditBands.Defaults).Score);
        Assert.Equal(80, ledger.StandingOn(new DateOnly(2026, 11, 10), CreditBands.Defaults).Score);
        Assert.Equal(80, ledger.StandingOn(new DateOnly(2025, 11, 9), CreditBands.Defaults).Score);
    }

    [Fact]
    public void AVetoThatExpired_NoLongerBlacklists()
    {
        var ledger = Ledger([CreditItem.Record(Company, CreditSource.Judgment, new DateOnly(2026, 1, 5), -5, "违法", Street, Now, veto: true,
            validUntil: new DateOnly(2026, 6, 1))]);

        Assert.Equal(CreditListing.Black, ledger.StandingOn(new DateOnly(2026, 5, 31), CreditBands.Defaults).Listing);
        Assert.Equal(CreditListing.Ordinary, ledger.StandingOn(Today, CreditBands.Defaults).Listing);
    }

    [Fact]
    public void AnUpheldAppeal_VoidsTheItem()
    {
        var item = Item(CreditSource.Judgment, -10, veto: true);
        var appeal = Ledger([item]).Appeal(item.Id, "不是我们的小区", CompanyStaff, Now);
        var pending = Ledger([item], [appeal]);
        Assert.Equal(70, pending.StandingOn(Today, CreditBands.Defaults).Score);

        var decision = pending.Decide(appeal.Id, AppealOutcome.Upheld, "核实属实", Leader, Now);
        var decided = Ledger([item], [appeal], [decision]);

        Assert.True(decided.IsVoid(item));
        Assert.Equal(AppealState.Upheld, decided.StateOf(appeal));
        Assert.Equal(new CreditStanding(80, CreditBand.A, false, CreditListing.Ordinary), decided.StandingOn(Today, CreditBands.Defaults));
    }

    [Fact]
    public void ARejectedAppeal_LeavesTheItemStanding_AndIsFinal()
    {
        var item = Item(CreditSource.Manual, -4);
        var appeal = Ledger([item]).Appeal(item.Id, "有异议", CompanyStaff, Now);
        var decision = Ledger([item], [appeal]).Decide(appeal.Id, AppealOutcome.Rejected, null, Leader, Now);
        var decided = Ledger([item], [appeal], [decision]);

        Assert.False(decided.IsVoid(item));
        Assert.Equal(76, decided.StandingOn(Today, CreditBands.Defaults).Score);
        Assert.Equal("AppealAlreadyDecided", Assert.Throws<DomainException>(() => decided.Appeal(item.Id, "再议", CompanyStaff, Now)).Code);
        Assert.Equal("AppealAlreadyDecided",
            Assert.Throws<DomainException>(() => decided.Decide(appeal.Id, AppealOutcome.Upheld, null, Leader, Now)).Code);
    }

    [Fact]
    public void ASecondAppeal_WaitsForTheFirstsDecision()
    {
        var item = Item(CreditSource.Manual, -4);
        var appeal = Ledger([item]).Appeal(item.Id, "有异议", CompanyStaff, Now);

        Assert.Equal("AppealPending", Assert.Throws<DomainException>(() => Ledger([item], [appeal]).Appeal(item.Id, "再议", CompanyStaff, Now)).Code);
    }

    [Fact]
    public void AnExpiredItem_CannotBeAppealed_NorAnotherCompanysItem()
    {
        var old = Item(CreditSource.Manual, -4, new DateOnly(2025, 1, 1));
        Assert.Equal("CreditItemExpired", Assert.Throws<DomainException>(() => Ledger([old]).Appeal(old.Id, "旧事", CompanyStaff, Now)).Code);

        var other = CreditItem.Record(new UnitId(8), CreditSource.Manual, Today, -4, "别家", Street, Now);
        Assert.Equal("UnknownCreditItem", Assert.Throws<DomainValidationException>(() => Ledger([other]).Appeal(other.Id, "x", CompanyStaff, Now)).Code);
    }

    [Theory]
    [InlineData(CreditSource.Award, 5, true, "VetoNotAllowed")]
    [InlineData(CreditSource.Judgment, 5, true, "VetoNotAllowed")]
    [InlineData(CreditSource.Judgment, 101, false, "CreditPointsOutOfRange")]
    [InlineData(CreditSource.Manual, 0, false, "CreditPointsOutOfRange")]
    public void AnItemOutsideTheRules_IsRefused(CreditSource source, int points, bool veto, string code)
    {
        Assert.Equal(code, Assert.Throws<DomainValidationException>(() => CreditItem.Record(Company, source, Today, points, "x", Street, Now, veto)).Code);
    }

    [Fact]
    public void AnItem_CannotBeDatedAfterToday_NorValidBeforeItsDate()
    {
        Assert.Equal("CreditDateInFuture",
            Assert.Throws<DomainValidationException>(() => CreditItem.Record(Company, CreditSource.Award, Today.AddDays(1), 2, "x", Street, Now)).Code);
        Assert.Equal("ValidityBeforeDate",
            Assert.Throws<DomainValidationException>(() => CreditItem.Record(Company, CreditSource.Award, Today, 2, "x", Street, Now, validUntil: Today)).Code);
    }

    [Fact]
    public void Bands_MustRiseStrictly()
    {
        Assert.Equal("CreditBandsOutOfOrder", Assert.Throws<DomainValidationException>(() => new CreditBands(90, 90, 75, 60)).Code);
        Assert.Equal(CreditBand.AA, new CreditBands(98, 85, 70, 50).Of(85));
    }
}
