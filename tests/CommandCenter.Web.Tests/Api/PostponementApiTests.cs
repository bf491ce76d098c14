using System.Net;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Api;

/// <summary>
/// 延期 limits and the approver's date, 缓办 with a review date resumed by a leader (issue 13), over the API. The test street's
/// courtyard policy for 一般 cases: 24 hours to handle, two postponements, at most one more handling limit in total.
/// </summary>
public sealed class PostponementApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private ApiClient Api => app.Api;

    [Fact]
    public async Task ApproveRequest_WithAGrantedDeadline_MovesTheDeadlineThere_AndTheTimelineSaysSo()
    {
        var signed = await SignedCaseAsync();
        var deadline = signed.Deadlines.HandlingDeadlineUtc!.Value;
        Assert.Equal(deadline.AddHours(24), signed.Deadlines.LatestPostponementUtc);
        await Api.CommandAsync(signed.Id, "postponement", new { reason = "等待配件", newDeadlineUtc = deadline.AddHours(12) });

        var approved = await Api.CommandAsync(signed.Id, "request/approve", new { note = "给半天", grantedDeadlineUtc = deadline.AddHours(6) });

        Assert.Equal(deadline.AddHours(6), approved.Deadlines.HandlingDeadlineUtc);
        Assert.Equal((CaseEventType.RequestApproved, "给半天", deadline.AddHours(6)),
            (approved.Timeline[^1].Type, approved.Timeline[^1].Note, approved.Timeline[^1].DetailAtUtc));
    }

    [Fact]
    public async Task ApproveRequest_GrantedLaterThanRequested_Is422WithCode_AndChangesNothing()
    {
        var signed = await SignedCaseAsync();
        var deadline = signed.Deadlines.HandlingDeadlineUtc!.Value;
        await Api.CommandAsync(signed.Id, "postponement", new { reason = "等待配件", newDeadlineUtc = deadline.AddHours(12) });
        var before = await Api.GetAsync(signed.Id);

        var response = await Api.PostAsync(signed.Id, "request/approve", new { grantedDeadlineUtc = deadline.AddHours(13) });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "GrantedLaterThanRequested");
        Assert.Equivalent(before, await Api.GetAsync(signed.Id), strict: true);
    }

    [Fact]
    public async Task RequestPostponement_BeyondTheLongestExtension_Is422WithCode_AndChangesNothing()
    {
        var signed = await SignedCaseAsync();
        var before = await Api.GetAsync(signed.Id);

        var response = await Api.PostAsync(signed.Id, "postponement",
            new { reason = "等待配件", newDeadlineUtc = signed.Deadlines.LatestPostponementUtc!.Value.AddMinutes(1) });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "ExtensionTooLong");
        Assert.Equivalent(before, await Api.GetAsync(signed.Id), strict: true);
    }

    [Fact]
    public async Task RequestPostponement_AThird_Is409WithCode_AndChangesNothing()
    {
        var signed = await SignedCaseAsync();
        var deadline = signed.Deadlines.HandlingDeadlineUtc!.Value;
        foreach (var hours in new[] { 4, 8 })
        {
            await Api.CommandAsync(signed.Id, "postponement", new { reason = "等待配件", newDeadlineUtc = deadline.AddHours(hours) });
            await Api.CommandAsync(signed.Id, "request/approve");
        }
        var before = await Api.GetAsync(signed.Id);

        var response = await Api.PostAsync(signed.Id, "postponement", new { reason = "还要再等", newDeadlineUtc = deadline.AddHours(12) });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "PostponementLimitReached");
        Assert.Equivalent(before, await Api.GetAsync(signed.Id), strict: true);
    }

    [Fact]
    public async Task Deferral_ApprovedWithAReviewDate_ShowsIt_AndADispatcherMayNotResume()
    {
        var (id, reviewAt) = await DeferredCaseAsync();
        var before = await Api.GetAsync(id);

        Assert.Equal((true, reviewAt, false), (before.Deadlines.IsDeferred, before.Deadlines.ReviewAtUtc, before.Deadlines.IsBacklog));
        Assert.NotNull(before.Deadlines.DeferredAtUtc);
        var response = await new ApiClient(app.Factory.ClientAs("dispatcher")).PostAsync(id, "deferral/resume", new { note = "恢复" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("NotYourDecision", (await ApiClient.ProblemAsync(response)).GetProperty("refusal").GetString());
        Assert.Equivalent(before, await Api.GetAsync(id), strict: true);
    }

    [Fact]
    public async Task ResumeDeferred_ByALeader_RestartsTheHandlingClock()
    {
        var (id, _) = await DeferredCaseAsync();
        var before = DateTime.UtcNow;

        var resumed = await new ApiClient(app.Factory.ClientAs("leader")).CommandAsync(id, "deferral/resume", new { note = "资金已到位" });

        Assert.False(resumed.Deadlines.IsDeferred);
        Assert.InRange(resumed.Deadlines.HandlingDeadlineUtc!.Value, before.AddHours(24), DateTime.UtcNow.AddHours(24));
        Assert.Equal(CaseEventType.DeferralResumed, resumed.Timeline[^1].Type);
    }

    [Fact]
    public async Task ExtendDeferral_ByALeader_SetsTheLaterReviewDate()
    {
        var (id, reviewAt) = await DeferredCaseAsync();

        var extended = await Api.CommandAsync(id, "deferral/extend", new { reviewAtUtc = reviewAt.AddDays(30) });

        Assert.Equal((true, reviewAt.AddDays(30)), (extended.Deadlines.IsDeferred, extended.Deadlines.ReviewAtUtc));
        Assert.Equal(CaseEventType.DeferralExtended, extended.Timeline[^1].Type);
    }

    private async Task<(Guid Id, DateTime ReviewAt)> DeferredCaseAsync()
    {
        var signed = await SignedCaseAsync();
        var reviewAt = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, DateTime.UtcNow.Day, 1, 0, 0, DateTimeKind.Utc).AddDays(40);
        await Api.CommandAsync(signed.Id, "deferral", new { reason = "需要专项资金", reviewAtUtc = reviewAt.AddDays(10) });
        await Api.CommandAsync(signed.Id, "request/approve", new { grantedReviewAtUtc = reviewAt });
        return (signed.Id, reviewAt);
    }

    /// <summary>A 一般 hotline case in courtyard 1, dispatched to its courtyard unit, which signed it.</summary>
    private async Task<CaseDetail> SignedCaseAsync()
    {
        var created = await Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 1, description = "3栋楼下路灯不亮" });
        await Api.CommandAsync(created.Id, "accept");
        var units = await Api.GetAsync<JsonElement[]>("/api/reference/units?level=Courtyard&courtyardId=1");
        await Api.CommandAsync(created.Id, "dispatch", new { unitId = units[0].GetProperty("id").GetInt32() });
        return await Api.CommandAsync(created.Id, "sign");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
    }
}
