using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Api;
using CommandCenter.Web.Components;
using Microsoft.AspNetCore.Http;

namespace CommandCenter.Web.Tests.Api;

/// <summary>
/// The one table from exception to answer: every exception type in it answers its status and code with a
/// sentence in both languages, the pages read the same sentence, and anything else is a quiet 500.
/// </summary>
public sealed class ErrorTableTests
{
    /// <summary>One exception of each type in the table, with the status and code it must answer.</summary>
    public static TheoryData<Exception, int, string> Samples() => new()
    {
        { new PublicReportRefusedException("Markup", "description", "markup"), 422, "Markup" },
        { new PublicReportRefusedException("Photo", "photos", "refused", PhotoRefusal.UnsupportedHeic), 422, "Photo" },
        { new AccessRefusedException(AccessRefusal.NotHolder, CaseCommand.Sign), 403, "Forbidden" },
        { new CaseCommandRejectedException(CaseCommand.Sign, CaseState.Reported, "CT-20261203-0001", new CaseRefusal("StateForbids", "no")), 409, "StateForbids" },
        { new CaseConflictException("CT-20261203-0001", "changed"), 409, "Conflict" },
        { new StaleRecordException("Policy 1"), 409, "Conflict" },
        { new Infrastructure.Setup.SetupRefusedException(Infrastructure.Setup.SetupRefusal.AlreadyDone), 409, "SetupAlreadyDone" },
        { new Infrastructure.Setup.SetupRefusedException(Infrastructure.Setup.SetupRefusal.WrongCode), 403, "SetupWrongCode" },
        { new Infrastructure.Organisation.DuplicatePlaceException("Grid", "第一网格"), 409, "DuplicatePlaceName" },
        { new Infrastructure.Assessment.Scoring.UnknownStreetException(new Domain.Organisation.StreetId(999)), 404, "UnknownStreet" },
        { new Infrastructure.Assessment.Scoring.HonourRollAlreadyPublishedException(new Domain.Organisation.StreetId(1), 2026, 11), 409, "HonourRollAlreadyPublished" },
        { new DomainValidationException("TooLong", "too long", "description"), 422, "TooLong" },
        { new UnknownReferenceException("unitId", "42"), 422, "UnknownReference" },
        { new DomainException("HighestLevel", "highest"), 422, "HighestLevel" },
        { new CaseNotFoundException(Guid.NewGuid()), 404, "NotFound" },
        { new RecordNotFoundException("Policy", "1"), 404, "NotFound" },
        { new BadHttpRequestException("unreadable", StatusCodes.Status400BadRequest, new JsonException("bad", "$.unitId", 1, 2)), 400, "UnreadableBody" },
    };

    [Fact]
    public void EveryRow_HasASample_InTheTablesOrder()
    {
        Assert.Equal(ErrorTable.Rows.Select(r => r.Type), Samples().Select(s => s[0].GetType()).Distinct());
    }

    [Fact]
    public void NoRow_IsHiddenByAnEarlierRowForItsBaseType()
    {
        var rows = ErrorTable.Rows.Select(r => r.Type).ToList();

        Assert.All(rows.Select((type, i) => (type, i)), row =>
            Assert.DoesNotContain(rows.Take(row.i), earlier => earlier.IsAssignableFrom(row.type)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Of_EachExceptionType_AnswersItsStatusAndCode_WithASentenceInBothLanguages(Exception exception, int status, string code)
    {
        var entry = ErrorTable.Of(exception);

        Assert.Equal((status, code), (entry.Status, entry.Code));
        Assert.Contains(entry.MessageKey, ErrorTextTests.Keys(ErrorTextTests.English));
        Assert.Contains(entry.MessageKey, ErrorTextTests.Keys(ErrorTextTests.Chinese));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Pages_SayWhatTheApiSays(Exception exception, int status, string code)
    {
        var entry = ErrorTable.Of(exception);

        Assert.True(UserMessages.TryDescribe(ErrorTextTests.Text, exception, out var message), $"{status} {code}");
        Assert.Equal(ErrorText.Of(ErrorTextTests.Text, entry), message);
        Assert.Equal(ApiProblem.Create(entry, message).Detail, message);
    }

    [Fact]
    public void AnythingElse_IsA500_ThatSaysNothingOfTheFault()
    {
        var entry = ErrorTable.Of(new InvalidOperationException("Sequence contains no elements at CaseService.cs:42"));

        Assert.Equal((500, "ServerError"), (entry.Status, entry.Code));
        Assert.False(UserMessages.TryDescribe(ErrorTextTests.Text, new InvalidOperationException("boom"), out var message));
        Assert.DoesNotContain("boom", message);
    }

    [Fact]
    public void DatabaseFaults_AnswerTheirOwnStatus_WithASentenceInBothLanguages_TheOutageTellingWhenToComeBack()
    {
        var unavailable = ErrorTable.Of(new Microsoft.EntityFrameworkCore.DbUpdateException("saving", new Npgsql.NpgsqlException("Failed to connect")));
        var conflict = ErrorTable.Of(new Microsoft.EntityFrameworkCore.DbUpdateException("saving", new Npgsql.PostgresException("duplicate key", "ERROR", "ERROR", "23505")));

        Assert.Equal((503, "DatabaseUnavailable", TimeSpan.FromSeconds(5)), (unavailable.Status, unavailable.Code, unavailable.RetryAfter));
        Assert.Equal((409, "ConcurrentChange", (TimeSpan?)null), (conflict.Status, conflict.Code, conflict.RetryAfter));
        Assert.All(new[] { unavailable, conflict }, entry =>
        {
            Assert.Contains(entry.MessageKey, ErrorTextTests.Keys(ErrorTextTests.English));
            Assert.Contains(entry.MessageKey, ErrorTextTests.Keys(ErrorTextTests.Chinese));
        });
        // Pages say the outage plainly rather than leaving it to the error boundary.
        Assert.True(UserMessages.TryDescribe(ErrorTextTests.Text, new Npgsql.NpgsqlException("Failed to connect"), out var message));
        Assert.Equal(ErrorText.Of(ErrorTextTests.Text, unavailable), message);
    }

    [Theory]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "NotFound")]
    [InlineData(405, "MethodNotAllowed")]
    [InlineData(413, "PayloadTooLarge")]
    [InlineData(415, "UnsupportedMediaType")]
    [InlineData(429, "TooManyRequests")]
    public void OfStatus_TheFrameworksOwnAnswers_CarryACode(int status, string code)
    {
        var problem = ApiProblem.Create(ErrorTable.OfStatus(status), "sentence");

        Assert.Equal((status, code), (problem.Status, problem.Extensions["code"]));
    }

    [Fact]
    public void Create_CarriesTheFieldAndTheFurtherFields()
    {
        var entry = ErrorTable.Of(new AccessRefusedException(AccessRefusal.NotHolder, CaseCommand.Sign));
        var invalid = ErrorTable.Of(new DomainValidationException("TooLong", "too long", "description"));

        var forbidden = ApiProblem.Create(entry, "sentence");

        Assert.Equal(("NotHolder", "Sign"), (forbidden.Extensions["refusal"], forbidden.Extensions["command"]));
        Assert.Equal("description", ApiProblem.Create(invalid, "sentence").Extensions["field"]);
        Assert.Equal("unitId", ErrorTable.Of(new BadHttpRequestException("x", 400, new JsonException("bad", "$.unitId[1]", 1, 2))).Field);
    }
}
