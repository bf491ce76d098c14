using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>
/// What the queues page shows — tab, search, filters, sort and page — as its URL's query, so that back, reload and a
/// shared link open the same queue. Values left at their default are left out of the URL; a value that does not
/// parse is ignored, so an old or mistyped link still opens the queue.
/// </summary>
public sealed record QueueView(QueueTab Tab, CaseQuery Filter)
{
    public static readonly QueueView Default = new(QueueTab.All[0], new CaseQuery());

    /// <summary>The page sizes the pager offers; the first is the default.</summary>
    public static readonly int[] PageSizes = [25, 50, 100];

    /// <summary>The query string's parameters, by name; null for those at their default (the URL leaves them out).</summary>
    public IReadOnlyDictionary<string, object?> ToParameters() => new Dictionary<string, object?>
    {
        ["tab"] = Tab == Default.Tab ? null : Tab.Key,
        ["q"] = string.IsNullOrWhiteSpace(Filter.Search) ? null : Filter.Search,
        ["community"] = Filter.CommunityId?.Value,
        ["level"] = Filter.Level?.ToString(),
        ["urgency"] = Filter.Urgency?.ToString(),
        ["category"] = Filter.CategoryCode,
        ["time"] = Filter.Time?.ToString(),
        ["sort"] = Filter.Sort == CaseSort.ReportedAt ? null : Filter.Sort.ToString(),
        ["asc"] = Filter.Descending ? null : "1",
        ["page"] = Filter.Page == 0 ? null : Filter.Page + 1,
        ["size"] = Filter.PageSize == PageSizes[0] ? null : Filter.PageSize,
    };

    public static QueueView Parse(IReadOnlyDictionary<string, string?> query)
    {
        string? Text(string name) => query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        T? Enum<T>(string name) where T : struct, Enum =>
            System.Enum.TryParse<T>(Text(name), ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;
        int? Number(string name) => int.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        var size = Number("size") is { } s && PageSizes.Contains(s) ? s : PageSizes[0];
        return new(QueueTab.All.FirstOrDefault(t => string.Equals(t.Key, Text("tab"), StringComparison.OrdinalIgnoreCase)) ?? Default.Tab, new CaseQuery
        {
            Search = Text("q"),
            CommunityId = Number("community") is { } community ? new CommunityId(community) : null,
            Level = Enum<HandlingLevel>("level"),
            Urgency = Enum<Urgency>("urgency"),
            CategoryCode = Text("category"),
            Time = Enum<TimeStatus>("time"),
            Sort = Enum<CaseSort>("sort") ?? CaseSort.ReportedAt,
            Descending = Text("asc") is null,
            Page = Number("page") is > 0 and var page ? page - 1 : 0,
            PageSize = size,
        });
    }
}
