using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components;

public static class LocalizerExtensions
{
    /// <summary>The name of an enum value in the user's language: resource key "{EnumType}.{Name}".</summary>
    public static string Enum<TEnum>(this IStringLocalizer localizer, TEnum value) where TEnum : struct, System.Enum =>
        localizer.Or($"{typeof(TEnum).Name}.{value}", value.ToString());

    /// <summary>
    /// The text for <paramref name="key"/>, or <paramref name="fallback"/> when there is none:
    /// for values stored as open strings (an audit action, a detail code written by another version).
    /// </summary>
    public static string Or(this IStringLocalizer localizer, string key, string fallback) =>
        localizer[key] is { ResourceNotFound: false } text ? text.Value : fallback;

    /// <summary>A field named by the domain (e.g. "reporterPhone") as the form labels it: key "Field.ReporterPhone".</summary>
    public static string Field(this IStringLocalizer localizer, string field) =>
        field.Length == 0 ? field : localizer.Or($"Field.{char.ToUpperInvariant(field[0])}{field[1..]}", field);
}
