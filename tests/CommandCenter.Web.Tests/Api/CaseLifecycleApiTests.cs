using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Api;

/// <remarks>Run on SQLite and on PostgreSQL: <see cref="CaseLifecycleApiOnSqliteTests"/>, <see cref="CaseLifecycleApiOnPostgresTests"/>.</remarks>
public abstract class CaseLifecycleApiTests(ApiApp app)
{
    private ApiClient Api => app.Api;

    [Fact]
    public async Task HotlineIntake_ThroughEveryStep_EndsClosed()
    {
        var created = await ReportAsync();
        Assert.Equal(CaseState.Reported, created.State);
        Assert.Matches(@"^CT-\d{8}-\d{4}$", created.Number);

        await Api.CommandAsync(created.Id, "accept", new { note = "有效诉求" });
        var unit = await CourtyardUnitAsync(created.Place.CourtyardId);
        var dispatched = await Api.CommandAsync(created.Id, "dispatch", new { unitId = unit });
        Assert.NotNull(dispatched.Deadlines.SignDeadlineUtc);
        await Api.CommandAsync(created.Id, "sign");
        await Api.CommandAsync(created.Id, "progress", new { note = "已联系保洁" });
        await Api.CommandAsync(created.Id, "done", new { result = "垃圾已清运" });
        await Api.CommandAsync(created.Id, "verify", new { passed = true });
        var closed = await Api.CommandAsync(created.Id, "rate", new { rating = "Satisfied", comment = "很快" });

        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Equal(Rating.Satisfied, closed.Rating?.Rating);
        Assert.Equal(
            [CaseEventType.Reported, CaseEventType.Accepted, CaseEventType.Dispatched, CaseEventType.Signed, CaseEventType.ProgressNoted,
             CaseEventType.ReportedDone, CaseEventType.VerificationPassed, CaseEventType.Rated],
            closed.Timeline.Select(e => e.Type));
        Assert.Empty(closed.AllowedCommands);
    }

    [Fact]
    public async Task GridPatrolCase_VerifiedPassed_ClosesWithoutRating()
    {
        var created = await ReportAsync("GridPatrol");
        await Api.CommandAsync(created.Id, "accept");
        await Api.CommandAsync(created.Id, "dispatch", new { unitId = await CourtyardUnitAsync(created.Place.CourtyardId) });
        await Api.CommandAsync(created.Id, "sign");
        await Api.CommandAsync(created.Id, "done", new { result = "垃圾已清运" });

        var closed = await Api.CommandAsync(created.Id, "verify", new { passed = true });

        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Null(closed.Rating);
        Assert.Equal([CaseEventType.VerificationPassed, CaseEventType.ClosedWithoutRating], closed.Timeline.TakeLast(2).Select(e => e.Type));
        Assert.Empty(closed.AllowedCommands);
    }

    [Fact]
    public async Task ReturnReworkPostponementAndEscalation_FollowTheLifecycle()
    {
        var id = (await ReportAsync()).Id;
        await Api.CommandAsync(id, "accept");
        var detail = await Api.GetAsync(id);
        var unit = await CourtyardUnitAsync(detail.Place.CourtyardId);
        await Api.CommandAsync(id, "dispatch", new { unitId = unit });
        var returned = await Api.CommandAsync(id, "return", new { reason = "JurisdictionMismatch", note = "不属本物业" });
        Assert.Equal(CaseState.PendingDispatch, returned.State);
        Assert.Equal(1, returned.Handling.ReturnCount);

        await Api.CommandAsync(id, "dispatch", new { unitId = unit });
        var signed = await Api.CommandAsync(id, "sign");
        var later = signed.Deadlines.HandlingDeadlineUtc!.Value.AddHours(24);
        await Api.CommandAsync(id, "postponement", new { reason = "等待配件", newDeadlineUtc = later });
        var approved = await Api.CommandAsync(id, "request/approve", new { note = "同意" });
        Assert.Equal(later, approved.Deadlines.HandlingDeadlineUtc);

        await Api.CommandAsync(id, "done", new { result = "已维修" });
        var reworked = await Api.CommandAsync(id, "verify", new { passed = false, note = "现场仍未修好" });
        Assert.Equal(CaseState.InProgress, reworked.State);
        Assert.Equal(1, reworked.Handling.ReworkCount);

        var escalated = await Api.CommandAsync(id, "escalate", new { reason = "物业无力处置" });
        Assert.Equal(CaseState.PendingDispatch, escalated.State);
        Assert.Equal(HandlingLevel.Community, escalated.Level);
        Assert.Null(escalated.Handling.CurrentUnitId);
        // The company's three rounds, each kept when it let go: returned, done after one postponement, then rework escalated.
        Assert.Equal(
            [(HandlingRound.Dispatch, HandlingOutcome.Returned, 0), (HandlingRound.Dispatch, HandlingOutcome.Done, 1), (HandlingRound.Rework, HandlingOutcome.Escalated, 0)],
            escalated.HandlingRecords.Select(r => (r.Round, r.Outcome, r.Postponements)));
        Assert.All(escalated.HandlingRecords, r => Assert.Equal((unit, HandlingLevel.Courtyard, false, false), (r.UnitId.Value, r.Level, r.SignedLate, r.HandledLate)));
        var json = await Api.GetAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("Escalated", json.GetProperty("handlingRecords")[2].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task UnsatisfiedAThirdTime_WaitsForAStreetLeader_WhoClosesItWithAReason()
    {
        var id = (await ReportAsync()).Id;
        await Api.CommandAsync(id, "accept");
        await Api.CommandAsync(id, "dispatch", new { unitId = await CourtyardUnitAsync((await Api.GetAsync(id)).Place.CourtyardId) });
        await Api.CommandAsync(id, "sign");
        Infrastructure.Cases.CaseDetail rated = null!;
        for (var round = 0; round < 3; round++)
        {
            await Api.CommandAsync(id, "done", new { result = "垃圾已清运" });
            await Api.CommandAsync(id, "verify", new { passed = true });
            rated = await Api.CommandAsync(id, "rate", new { rating = "Unsatisfied", source = "Revisit", comment = "第二天又堆上了" });
        }
        Assert.Equal((CaseState.PendingEvaluation, true, 2), (rated.State, rated.Handling.AwaitsCloseDecision, rated.Handling.UnsatisfiedReopenings));

        var again = await Api.PostAsync(id, "rate", new { rating = "Satisfied", source = "Revisit" });
        Assert.Equal("CloseDecisionPending", (await ApiClient.ProblemAsync(again)).GetProperty("code").GetString());
        var directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        var dispatcher = app.ApiAs(directory.Staff.First(s => s.Role == AccessRole.Dispatcher).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync(id, "decide-close", new { reason = "已处置到位" })).StatusCode);
        var leader = app.ApiAs(directory.Staff.First(s => s.Role == AccessRole.StreetLeader).Id);
        var blank = await leader.PostAsync(id, "decide-close", new { reason = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Equal(rated.Version, (await Api.GetAsync(id)).Version);

        var closed = await leader.CommandAsync(id, "decide-close", new { reason = "已三次清运，剩余诉求属邻里纠纷，转社区调解" });

        Assert.Equal((CaseState.Closed, Rating.Unsatisfied, false), (closed.State, closed.Rating!.Rating, closed.Handling.AwaitsCloseDecision));
        Assert.Equal(CaseEventType.ClosedByDecision, closed.Timeline[^1].Type);
    }

    [Fact]
    public async Task CrossAgencyTicket_WithTwoCoHandlers_ClosesOnlyWhenBothPartsAreClosed()
    {
        var id = (await ReportAsync()).Id;
        await Api.CommandAsync(id, "accept", new { level = "District" });
        var departments = await Api.GetAsync<JsonElement[]>("/api/reference/units?level=District");
        var ids = departments.Take(3).Select(d => d.GetProperty("id").GetInt32()).ToArray();
        await Api.CommandAsync(id, "dispatch", new { unitId = ids[0], coHandlerUnitIds = ids[1..] });
        await Api.CommandAsync(id, "sign");

        var early = await Api.PostAsync(id, "done", new { result = "牵头部门处置完毕" });
        Assert.Equal(409, (int)early.StatusCode);
        Assert.Equal("RequiredPartsOpen", (await ApiClient.ProblemAsync(early)).GetProperty("code").GetString());

        var tickets = await Api.GetAsync<JsonElement[]>($"/api/departments/{ids[1]}/tickets");
        Assert.Contains(tickets, t => t.GetProperty("case").GetProperty("id").GetGuid() == id);
        // The administrator is the dispatch desk here, closing each part on its department's behalf.
        await Api.CommandAsync(id, "parts/close", new { unitId = ids[1], result = "燃气管线已检修", reason = "部门电话确认" });
        await Api.CommandAsync(id, "parts/close", new { unitId = ids[2], result = "路面已恢复", reason = "部门电话确认" });
        var done = await Api.CommandAsync(id, "done", new { result = "牵头部门处置完毕" });

        Assert.Equal(CaseState.PendingVerification, done.State);
        Assert.All(done.Parts, p => Assert.True(p.IsClosed));
    }

    [Fact]
    public async Task Return_ByADepartmentThatThenCannotSeeTheCase_AnswersAReceipt()
    {
        var id = (await ReportAsync()).Id;
        await Api.CommandAsync(id, "accept", new { level = "District" });
        var directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        var liaison = directory.Staff.First(s => s.Role == AccessRole.DepartmentLiaison && directory.Unit(s.UnitId ?? new UnitId(0))?.Kind == UnitKind.DistrictDepartment);
        var dispatched = await Api.CommandAsync(id, "dispatch", new { unitId = liaison.UnitId });
        var department = app.ApiAs(liaison.Id);

        var response = await department.PostAsync(id, "return", new { reason = "FunctionOverlap" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>(ApiClient.Json);
        Assert.Equal(id, receipt.GetProperty("id").GetGuid());
        Assert.Equal(dispatched.Number, receipt.GetProperty("number").GetString());
        Assert.Equal(("PendingDispatch", "Returned"), (receipt.GetProperty("state").GetString(), receipt.GetProperty("event").GetString()));
        Assert.Equal((await Api.GetAsync(id)).Version, receipt.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await department.Http.GetAsync($"/api/cases/{id}")).StatusCode);
    }

    [Fact]
    public async Task Merge_DuplicateReport_IsMergedAndTheTargetRecordsIt()
    {
        var target = await ReportAsync();
        var duplicate = await ReportAsync();
        var suggestions = await Api.GetAsync<JsonElement[]>($"/api/cases/duplicates?courtyardId={duplicate.Place.CourtyardId}&categoryCode={duplicate.Report.CategoryCode}");
        Assert.Contains(suggestions, s => s.GetProperty("id").GetGuid() == target.Id);

        var merged = await Api.CommandAsync(duplicate.Id, "merge", new { targetCaseId = target.Id });

        Assert.Equal(CaseState.Merged, merged.State);
        Assert.Equal(CaseEventType.DuplicateMerged, (await Api.GetAsync(target.Id)).Timeline[^1].Type);
    }

    [Fact]
    public async Task GetCase_Json_KeepsIdentityOnTopAndGroupsTheRestAsThePageShowsIt()
    {
        var id = (await ReportAsync()).Id;
        await Api.CommandAsync(id, "accept");
        var dispatched = await Api.CommandAsync(id, "dispatch", new { unitId = await CourtyardUnitAsync(new CourtyardId(1)) });

        var json = await Api.GetAsync<JsonElement>($"/api/cases/{id}");

        Assert.Equal((id, "Dispatched", dispatched.Version), (json.GetProperty("id").GetGuid(), json.GetProperty("state").GetString(), json.GetProperty("version").GetInt32()));
        Assert.Equal(1, json.GetProperty("place").GetProperty("courtyardId").GetInt32());
        Assert.Equal("0101", json.GetProperty("report").GetProperty("categoryCode").GetString());
        Assert.Equal("138****5678", json.GetProperty("reporter").GetProperty("phone").GetString());
        Assert.Equal(dispatched.Deadlines.SignDeadlineUtc, json.GetProperty("deadlines").GetProperty("signDeadlineUtc").GetDateTime());
        Assert.Equal(dispatched.Handling.CurrentUnitId?.Value, json.GetProperty("handling").GetProperty("currentUnitId").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("rating").ValueKind);
        Assert.False(json.TryGetProperty("signDeadlineUtc", out _));
    }

    private Task<Infrastructure.Cases.CaseDetail> ReportAsync(string channel = "Hotline") =>
        Api.ReportAsync(new
        {
            channel, categoryCode = "0101", urgency = "Normal", courtyardId = 1,
            description = "3栋楼下有暴露垃圾，已经两天没人清运", reporterName = "李女士", reporterPhone = "13812345678",
        });

    private async Task<int> CourtyardUnitAsync(CourtyardId courtyardId) =>
        (await Api.GetAsync<JsonElement[]>($"/api/reference/units?level=Courtyard&courtyardId={courtyardId}"))[0].GetProperty("id").GetInt32();
}

public sealed class CaseLifecycleApiOnSqliteTests(ApiApp app) : CaseLifecycleApiTests(app), IClassFixture<ApiApp>;

public sealed class CaseLifecycleApiOnPostgresTests(PostgresApiApp app) : CaseLifecycleApiTests(app), IClassFixture<PostgresApiApp>;
