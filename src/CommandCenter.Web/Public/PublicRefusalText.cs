using System.Globalization;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.PublicReporting;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Public;

/// <summary>A refusal as one plain sentence in the resident's language, for the page and the API's ProblemDetails alike.</summary>
public static class PublicRefusalText
{
    public static string Describe(PublicReportRefusedException refusal, IStringLocalizer text) =>
        refusal.Photo is { } photo
            ? PhotoRefusalText.Describe(photo, CultureInfo.CurrentUICulture)
            : text[$"Public.Refusal.{refusal.Code}", FieldName(refusal.Field, text)].Value;

    private static string FieldName(string field, IStringLocalizer text) => text[$"Public.Field.{field}"].Value;
}
