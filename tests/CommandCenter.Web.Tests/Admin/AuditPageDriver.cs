using Bunit;
using CommandCenter.Web.Components.Pages.Admin;
using MudBlazor;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>What a user does with the audit page's filters and reads off its table.</summary>
internal static class AuditPageDriver
{
    public static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<Audit> page) => page.FindAll("tbody tr:has([data-action])");

    /// <summary>The total the pager states ("共 1,234 条"), without its thousands separators.</summary>
    public static string PagerText(IRenderedComponent<Audit> page) =>
        page.Find(".mud-table-pagination").TextContent.Replace(",", "", StringComparison.Ordinal);

    public static IRenderedComponent<MudSelect<T>> Select<T>(IRenderedComponent<Audit> page, string filter) =>
        page.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-filter"), filter));

    /// <summary>Picks a value in one of the page's filter selects, as choosing it in the list would.</summary>
    public static Task Choose<T>(IRenderedComponent<Audit> page, string filter, T value)
    {
        var select = Select<T>(page, filter);
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    public static Task Pick(IRenderedComponent<Audit> page, string filter, DateTime date)
    {
        var picker = page.FindComponents<MudDatePicker>().Single(p => Equals(p.Instance.UserAttributes.GetValueOrDefault("data-filter"), filter));
        return picker.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(date));
    }
}
