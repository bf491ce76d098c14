using CommandCenter.Web.Components;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// The sentence an error answer says, always in the request's language: its entry's key, with
/// {0} the field, {1} the command and {2} the case's state as the user's language names them. A key
/// the resources lack, such as a code the domain has just added, falls back to the status's sentence
/// "Error.Http.{problem}" rather than to English.
/// </summary>
public static class ErrorText
{
    public static string Of(IStringLocalizer text, ErrorEntry entry) =>
        text[entry.MessageKey, text.Field(entry.Field ?? ""), entry.Command is { } c ? text.Enum(c) : "", entry.State is { } s ? text.Enum(s) : ""]
            is { ResourceNotFound: false } sentence ? sentence.Value : text[ErrorTable.OfStatus(entry.Status).MessageKey].Value;
}
