using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Infrastructure.Setup;

namespace CommandCenter.Web.Api;

/// <summary>
/// The one table from a refusal to its answer: each exception type thrown at a caller, with the
/// status, code and sentence key it answers with — 403 for what the post may not do, 404 for what
/// does not exist (or lies outside the post's scope), 409 for a state violation or a conflict, 422 for
/// invalid input, 400/413/415 for a request that cannot be read. The API's ProblemDetails, the pages'
/// messages and the framework's own answers (<see cref="OfStatus"/>: 401, 403, 404, 405, 429…) all read
/// it. A database that cannot be reached answers 503 with a time to come back, a key a concurrent writer took 409
/// (<see cref="DatabaseFaults"/> tells them apart). Anything else is a fault: 500, without internals.
/// </summary>
public static partial class ErrorTable
{
    /// <summary>The rows, most specific first: the first whose type an exception is answers for it.</summary>
    public static IReadOnlyList<ErrorRow> Rows { get; } =
    [
        Row<PublicReportRefusedException>(e => e.Photo is { } photo
            ? OfPhoto(photo) with { Field = e.Field }
            : new(StatusCodes.Status422UnprocessableEntity, e.Code, Sentence(e.Code)) { Field = e.Field }),
        Row<AccessRefusedException>(e => new(StatusCodes.Status403Forbidden, nameof(HttpProblem.Forbidden), $"{nameof(AccessRefusal)}.{e.Refusal}")
        {
            Extensions = [new("refusal", e.Refusal.ToString()), new("command", e.Command?.ToString())],
        }),
        Row<CaseCommandRejectedException>(e => new(StatusCodes.Status409Conflict, e.Code, Sentence(e.Code))
        {
            Command = e.Command,
            State = e.State,
            // The domain's English reason stays for developers; the detail is the user's sentence.
            Extensions = [new("command", e.Command.ToString()), new("state", e.State.ToString()), new("reason", e.Reason)],
        }),
        Row<CaseConflictException>(e => Conflict with { Extensions = [new("caseNumber", e.CaseNumber)] }),
        Row<StaleRecordException>(_ => Conflict),
        Row<SetupRefusedException>(e => e.Refusal == SetupRefusal.AlreadyDone
            ? new(StatusCodes.Status409Conflict, "SetupAlreadyDone", Sentence("SetupAlreadyDone"))
            : new(StatusCodes.Status403Forbidden, "SetupWrongCode", Sentence("SetupWrongCode"))),
        Row<Infrastructure.Organisation.DuplicatePlaceException>(_ => new(StatusCodes.Status409Conflict, "DuplicatePlaceName", Sentence("DuplicatePlaceName")) { Field = "name" }),
        Row<UnknownStreetException>(_ => new(StatusCodes.Status404NotFound, "UnknownStreet", Sentence("UnknownStreet")) { Field = "street" }),
        Row<HonourRollAlreadyPublishedException>(_ => new(StatusCodes.Status409Conflict, "HonourRollAlreadyPublished", Sentence("HonourRollAlreadyPublished"))),
        Row<DomainValidationException>(e => new(StatusCodes.Status422UnprocessableEntity, e.Code, Sentence(e.Code)) { Field = e.Field }),
        Row<UnknownReferenceException>(e => new(StatusCodes.Status422UnprocessableEntity, "UnknownReference", Sentence("UnknownReference")) { Field = e.Field }),
        Row<DomainException>(e => new(StatusCodes.Status422UnprocessableEntity, e.Code, Sentence(e.Code))),
        Row<CaseNotFoundException>(_ => NotFound),
        Row<RecordNotFoundException>(_ => NotFound),
        Row<BadHttpRequestException>(Unreadable),
    ];

    /// <summary>How long a client waits before asking again while the database is away: a restart takes seconds.</summary>
    public static readonly TimeSpan DatabaseRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The answer to <paramref name="exception"/>: its row's, a database fault's, or a 500 that says nothing of the fault.</summary>
    public static ErrorEntry Of(Exception exception) =>
        Rows.FirstOrDefault(row => row.Type.IsInstanceOfType(exception)) is { } row ? row.Answer(exception)
        : DatabaseFaults.Of(exception) is { } fault ? OfDatabase(fault)
        : OfStatus(StatusCodes.Status500InternalServerError);

    /// <summary>An answer known only by its status: the framework's own (401, 404, 405…) and the rate limits' 429.</summary>
    public static ErrorEntry OfStatus(int status) => OfProblem(status, HttpProblems.Of(status));

    /// <summary>A photo the pipeline refused, whichever page or endpoint it came through.</summary>
    public static ErrorEntry OfPhoto(PhotoRefusal refusal) =>
        new(StatusCodes.Status422UnprocessableEntity, "Photo", $"{nameof(PhotoRefusal)}.{refusal}") { Extensions = [new("photo", refusal.ToString())] };

    /// <summary>A refusal's sentence: "Error.{code}".</summary>
    public static string Sentence(string code) => $"Error.{code}";

    private static ErrorEntry Conflict => new(StatusCodes.Status409Conflict, nameof(HttpProblem.Conflict), Sentence("Conflict"));

    private static ErrorEntry OfDatabase(DatabaseFault fault) => fault switch
    {
        DatabaseFault.Unavailable => new(StatusCodes.Status503ServiceUnavailable, "DatabaseUnavailable", Sentence("DatabaseUnavailable")) { RetryAfter = DatabaseRetryAfter },
        DatabaseFault.KeyConflict => new(StatusCodes.Status409Conflict, "ConcurrentChange", Sentence("ConcurrentChange")),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    private static ErrorEntry NotFound => new(StatusCodes.Status404NotFound, nameof(HttpProblem.NotFound), Sentence("NotFound"));

    private static ErrorEntry OfProblem(int status, HttpProblem problem) => new(status, problem.ToString(), $"Error.Http.{problem}");

    /// <summary>A request the framework could not read: the body's fault is 400 (naming the JSON field it stopped at), a limit's 413, a media type's 415.</summary>
    private static ErrorEntry Unreadable(BadHttpRequestException e)
    {
        var problem = e.StatusCode == StatusCodes.Status400BadRequest && e.InnerException is JsonException or InvalidDataException or IOException
            ? HttpProblem.UnreadableBody
            : HttpProblems.Of(e.StatusCode);
        return e.InnerException is JsonException { Path: { } path } && JsonField().Match(path) is { Success: true } match
            ? new(e.StatusCode, problem.ToString(), Sentence("UnreadableField")) { Field = match.Groups[1].Value }
            : OfProblem(e.StatusCode, problem);
    }

    private static ErrorRow Row<T>(Func<T, ErrorEntry> answer) where T : Exception => new(typeof(T), e => answer((T)e));

    // The property System.Text.Json stopped at: "$.unitId" and "$.coHandlerUnitIds[1]" both name the request's field.
    [GeneratedRegex(@"^\$\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex JsonField();
}
