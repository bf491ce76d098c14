using CommandCenter.Domain.Archive;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components.Pages.Archive;

/// <summary>Words the archive's pages share.</summary>
public static class ArchiveText
{
    /// <summary>Where a record came from and the day (China time) it was last confirmed.</summary>
    public static string Confirmed(IStringLocalizer text, ArchiveSource source, DateTime atUtc) =>
        text["Archive.Confirmed", text.Enum(source), ChinaTimeText.Format(atUtc, "yyyy-MM-dd")];
}
