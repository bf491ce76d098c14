using CommandCenter.Domain.Cases;
using CommandCenter.Web.Components;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// The sentence an error answer says, always in the request's language. A refusal's code has
/// the key "Error.{code}" ({0} the field, {1} the command, {2} the case's state, each as the
/// user's language names them); a code without a key, such as one the domain has just added,
/// falls back to the status's sentence "Error.Http.{problem}" rather than to English.
/// </summary>
public static class ErrorText
{
    public static string Of(IStringLocalizer text, string code, int status, string? field = null, CaseCommand? command = null, CaseState? state = null) =>
        text[$"Error.{code}", text.Field(field ?? ""), command is { } c ? text.Enum(c) : "", state is { } s ? text.Enum(s) : ""]
            is { ResourceNotFound: false } sentence ? sentence.Value : ForStatus(text, status);

    public static string ForStatus(IStringLocalizer text, int status) => text[$"Error.Http.{HttpProblems.Of(status)}"].Value;
}
