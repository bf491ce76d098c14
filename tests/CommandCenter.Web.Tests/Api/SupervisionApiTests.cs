using System.Net;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Api;

/// <summary>督办 with a note and a reply deadline, answered (督办回复) by the unit that holds the case and by no one else.</summary>
/// <remarks>Run on SQLite and on PostgreSQL: <see cref="SupervisionApiOnSqliteTests"/>, <see cref="SupervisionApiOnPostgresTests"/>.</remarks>
public abstract class SupervisionApiTests(ApiApp app)
{
    private ApiClient Api => app.Api;

    [Fact]
    public async Task AnswerSupervision_ByTheHolder_EndsTheSupervisionAndKeepsTheAnswer()
    {
        var (id, holder, _) = await SupervisedCaseAsync();

        var answered = await LiaisonOf(holder).CommandAsync(id, "supervision/answer", new { answer = "已安排今日到场" });

        Assert.False(answered.Handling.IsSupervised);
        Assert.Equal(1, answered.Handling.SupervisionCount);
        Assert.Equal("已安排今日到场", answered.Supervision?.Answer);
        Assert.Equal((CaseEventType.SupervisionAnswered, "已安排今日到场"), (answered.Timeline[^1].Type, answered.Timeline[^1].Note));
    }

    [Fact]
    public async Task AnswerSupervision_ByAnotherUnit_Is403_AndChangesNothing()
    {
        var (id, _, other) = await SupervisedCaseAsync();
        var before = await Api.GetAsync(id);

        var response = await LiaisonOf(other).PostAsync(id, "supervision/answer", new { answer = "不是我们的事" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("NotHolder", (await ApiClient.ProblemAsync(response)).GetProperty("refusal").GetString());
        Assert.Equivalent(before, await Api.GetAsync(id), strict: true);
    }

    [Fact]
    public async Task AnswerSupervision_EmptyAnswer_Is422WithCode_AndChangesNothing()
    {
        var (id, holder, _) = await SupervisedCaseAsync();
        var before = await Api.GetAsync(id);

        var response = await LiaisonOf(holder).PostAsync(id, "supervision/answer", new { answer = "  " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(("Required", "answer"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equivalent(before, await Api.GetAsync(id), strict: true);
    }

    [Fact]
    public async Task Supervise_WithAReplyDeadline_ShowsItAndRefusesOneTooFarAhead()
    {
        var (id, _, _) = await SupervisedCaseAsync();
        var due = DateTime.UtcNow.AddHours(3);
        due = new DateTime(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, DateTimeKind.Utc);

        var supervised = await Api.CommandAsync(id, "supervise", new { note = "再次督办", replyDueUtc = due });
        Assert.Equal((2, "再次督办", due), (supervised.Handling.SupervisionCount, supervised.Supervision?.Note, supervised.Supervision?.ReplyDueUtc));

        var tooFar = await Api.PostAsync(id, "supervise", new { note = "下个季度再说", replyDueUtc = DateTime.UtcNow.AddDays(60) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFar.StatusCode);
        Assert.Equal("ReplyDueOutOfRange", (await ApiClient.ProblemAsync(tooFar)).GetProperty("code").GetString());
    }

    /// <summary>A district case its lead department has signed and the desk has supervised; a second department co-handles it, so it sees the case.</summary>
    private async Task<(Guid Id, UnitId Holder, UnitId Other)> SupervisedCaseAsync()
    {
        var (id, lead, coHandlers) = await app.SignedCrossAgencyCaseAsync("路灯不亮", coHandlers: 1);
        await Api.CommandAsync(id, "supervise", new { note = "群众反映强烈" });
        return (id, lead, coHandlers[0]);
    }

    private ApiClient LiaisonOf(UnitId unitId) => app.LiaisonOf(unitId);
}

public sealed class SupervisionApiOnSqliteTests(ApiApp app) : SupervisionApiTests(app), IClassFixture<ApiApp>;

public sealed class SupervisionApiOnPostgresTests(PostgresApiApp app) : SupervisionApiTests(app), IClassFixture<PostgresApiApp>;
