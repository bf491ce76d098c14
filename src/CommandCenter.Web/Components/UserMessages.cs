using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components;

/// <summary>
/// The sentence a person reads when a request is refused: the console's counterpart of the
/// API's ProblemDetailsExceptionHandler.Describe, with one resource key "Error.{Code}" per refusal.
/// Anything not listed here is a fault, not a refusal, and is left to the error boundary.
/// </summary>
public static class UserMessages
{
    public static bool TryDescribe(IStringLocalizer localizer, Exception exception, out string message)
    {
        message = exception switch
        {
            CaseConflictException or StaleRecordException => localizer["Error.Conflict"],
            DomainValidationException e => Sentence(localizer, e.Code, e.Message, e.Field),
            DomainException e => Sentence(localizer, e.Code, e.Message, ""),
            UnknownReferenceException e => Sentence(localizer, "UnknownReference", e.Message, e.Field),
            CaseNotFoundException or RecordNotFoundException => localizer["Error.NotFound"],
            AccessRefusedException e => localizer[$"AccessRefusal.{e.Refusal}"],
            _ => "",
        };
        return message.Length > 0;
    }

    private static string Sentence(IStringLocalizer localizer, string code, string fallback, string field) =>
        localizer[$"Error.{code}", localizer.Field(field)] is { ResourceNotFound: false } text ? text.Value : fallback;
}
