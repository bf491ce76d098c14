using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Pages.Phone;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Phone;

/// <summary>
/// A building head (楼栋长) of an owners' committee on the phone: the cases sent to the committee at the courtyard level in
/// their courtyard are theirs to sign for and report done; another courtyard's are not there for them.
/// </summary>
public sealed class BuildingHeadTests(ApiApp app) : PhoneTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task ABuildingHead_SignsForAndFinishes_ACourtyardCaseOfTheirCourtyard_OnThePhone()
    {
        var (head, committee) = BuildingHead(0);
        var task = await DispatchedAsync(committee);
        var post = SignIn(head);
        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        page.Find("[data-command=Sign]").Click();
        page.WaitForAssertion(() => Assert.Equal("Sign", page.Find("[data-done]").GetAttribute("data-done")));
        page.Find("[data-command=ReportDone]").Click();
        page.Find("textarea[data-field='Field.Result']").Input("楼道纸箱已清走，消防通道畅通");
        page.Find("[data-submit=ReportDone]").Click();

        page.WaitForAssertion(() => Assert.Equal("ReportDone", page.Find("[data-done]").GetAttribute("data-done")));
        var detail = (await Queries.DetailAsync(post, task.Id))!;
        Assert.Equal(HandlingLevel.Courtyard, task.Level);
        Assert.Equal(
            [(CaseEventType.Signed, AccessRole.BuildingHead, ActSource.Phone), (CaseEventType.ReportedDone, AccessRole.BuildingHead, ActSource.Phone)],
            detail.Timeline.TakeLast(2).Select(e => (e.Type, e.ActorRole, e.Source)));
    }

    [Fact]
    public async Task ABuildingHead_IsNotShown_NorMaySignFor_ACaseOfAnotherCourtyard()
    {
        var (head, _) = BuildingHead(0);
        var (_, otherCommittee) = BuildingHead(1);
        var task = await DispatchedAsync(otherCommittee);
        var post = SignIn(head);
        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-not-found]")));
        Assert.Empty(page.FindAll("[data-command]"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => Cases.ExecuteAsync(task.Id, new SignCase(), post.Via(ActSource.Phone)));
        Assert.Null(await Queries.DetailAsync(post, task.Id));
    }

    /// <summary>The first building head of the demo's <paramref name="index"/>th owners' committee, and that committee.</summary>
    private (Staff Head, HandlingUnit Committee) BuildingHead(int index)
    {
        var committee = Directory.Units.Where(u => u.Kind == UnitKind.OwnersCommittee).OrderBy(u => u.Id).ElementAt(index);
        return (Directory.Staff.Where(s => s.Role == AccessRole.BuildingHead && s.UnitId == committee.Id).OrderBy(s => s.Id).First(), committee);
    }
}
