using Bunit;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Web.Components.Pages.Credit;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Credit;

/// <summary>
/// 评估定星 on the console: a street leader rates a courtyard's owners' committee on the five dimensions; a missing
/// dimension is refused in words and stores nothing; the rating then shows with its stars and the mean (worked by hand).
/// </summary>
public sealed class CommitteesPageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    private readonly CreditService _credit = app.Factory.Services.GetRequiredService<CreditService>();

    private static int ThisYear => ChinaTime.LocalDate(DateTime.UtcNow).Year;

    [Fact]
    public async Task ALeaderRates_AMissingDimensionIsRefused_ThenTheStarsAndTheirMeanShow()
    {
        var courtyard = Directory.Courtyards.OrderBy(c => c.Id.Value).Last().Id;
        SignInAs(DemoAccounts.StaffOf("leader", Directory.Staff)!);
        var page = RenderPage<CommitteesPage>();
        var row = $"[data-courtyard='{courtyard}'][data-unrated]";
        page.WaitForAssertion(() => page.Find($"{row} [data-action=rate]"));
        // 5 + 4 + 4 + 3 + 5 = 21 stars over five dimensions: 4.2 overall.
        (CommitteeDimension Dimension, int Stars)[] stars =
        [
            (CommitteeDimension.PartyLeadership, 5), (CommitteeDimension.Institutions, 4), (CommitteeDimension.Effectiveness, 4),
            (CommitteeDimension.SocialEvaluation, 3), (CommitteeDimension.Innovation, 5),
        ];
        foreach (var (dimension, n) in stars.SkipLast(1)) page.Find($"{row} {Input($"data-field={dimension}")}").Change(n.ToString());

        page.Find($"{row} [data-action=rate]").Click();
        page.WaitForElement("[data-message='error']");
        Assert.DoesNotContain(await _credit.CommitteeRatingsAsync(System, ThisYear), r => r.CourtyardId == courtyard);

        page.Find($"{row} {Input($"data-field={CommitteeDimension.Innovation}")}").Change("5");
        page.Find($"{row} [data-action=rate]").Click();

        page.WaitForAssertion(() => Assert.Equal("4.2", page.Find($"[data-courtyard='{courtyard}'][data-overall]").GetAttribute("data-overall")));
        Assert.Empty(page.FindAll(row));
        foreach (var (dimension, n) in stars)
            Assert.Equal(n.ToString(), page.Find($"[data-courtyard='{courtyard}'] [data-stars={dimension}]").GetAttribute("data-value"));
        Assert.Equal(4.2m, (await _credit.CommitteeRatingsAsync(System, ThisYear)).Single(r => r.CourtyardId == courtyard).Overall);
    }

    [Fact]
    public void WhoMayOnlyView_SeesNoRatingFields()
    {
        SignInAs(DemoAccounts.StaffOf("property", Directory.Staff)!);

        var page = RenderPage<CommitteesPage>();

        page.WaitForAssertion(() => page.Find("[data-table=committees]"));
        Assert.Empty(page.FindAll("[data-action=rate]"));
    }
}
