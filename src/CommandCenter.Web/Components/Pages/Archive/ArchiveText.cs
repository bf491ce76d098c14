using CommandCenter.Domain.Archive;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components.Pages.Archive;

/// <summary>Words the archive's pages share.</summary>
public static class ArchiveText
{
    /// <summary>Where a record came from and the day (China time) it was last confirmed.</summary>
    public static string Confirmed(IStringLocalizer text, ArchiveSource source, DateTime atUtc) =>
        text["Archive.Confirmed", text.Enum(source), ChinaTimeText.Format(atUtc, "yyyy-MM-dd")];

    /// <summary>A facility as a picker or a case names it: its kind and place.</summary>
    public static string Facility(IStringLocalizer text, FacilityKind kind, string place) => $"{text.Enum(kind)} · {place}";

    /// <summary>The facility a case names, as reported; by its number if the report's record is not at hand.</summary>
    public static string Facility(IStringLocalizer text, Infrastructure.Cases.CaseFacility facility) =>
        facility.Kind is { } kind ? Facility(text, kind, facility.Place ?? "") : $"#{facility.Id}";
}
