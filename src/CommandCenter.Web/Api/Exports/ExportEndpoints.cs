using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Access;
using CommandCenter.Web.Components;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api.Exports;

/// <summary>The case list as a download, with the console queue's filters and sort, scoped by the caller's post like the queue.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder endpoints)
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            endpoints.MapGet($"/api/exports/cases.{format.ToString().ToLowerInvariant()}",
                    ([AsParameters] CaseFilters filters, ApiCaller caller, CaseQueries queries, IStringLocalizer<SharedResource> text, TimeProvider clock, CancellationToken ct) =>
                        CasesTable(text, queries.StreamAsync(caller.Post, filters.ToQuery(), ct))
                            .ToResult(format, $"cases-{ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}"))
                .WithTags("Exports").RequireAuthorization(Policies.ViewCases)
                .WithSummary($"Every case the queue's filters select (no paging), as {format}: streamed, in the caller's language.");
        }
        return endpoints;
    }

    /// <summary>The queue's filters and sort, as <c>GET /api/cases</c> takes them, and a tab's several states (<c>states=…&amp;states=…</c>).</summary>
    public sealed record CaseFilters(
        CaseState? State, CaseState[]? States, HandlingLevel? Level, CommunityId? CommunityId, CourtyardId? CourtyardId, UnitId? UnitId, string? CategoryCode,
        Urgency? Urgency, bool? Supervised, TimeStatus? Time, string? Search, CaseSort? Sort, bool? Descending)
    {
        public CaseQuery ToQuery() => new()
        {
            State = State, States = States, Level = Level, CommunityId = CommunityId, CourtyardId = CourtyardId, UnitId = UnitId, CategoryCode = CategoryCode,
            Urgency = Urgency, Supervised = Supervised, Time = Time, Search = Search, Sort = Sort ?? CaseSort.ReportedAt, Descending = Descending ?? true,
        };
    }

    private static ExportTable CasesTable(IStringLocalizer text, IAsyncEnumerable<CaseListItem> cases) => new(
        [.. new[] { "Number", "State", "Level", "Urgency", "Category", "Community", "Courtyard", "Unit", "Description", "ReportedAt", "HandlingDeadline", "Supervised", "ReworkCount" }
            .Select(key => text[$"Export.{key}"].Value)],
        Rows(text, cases));

    private static async IAsyncEnumerable<object?[]> Rows(IStringLocalizer text, IAsyncEnumerable<CaseListItem> cases)
    {
        await foreach (var c in cases)
        {
            yield return
            [
                c.Number, text.Enum(c.State), text.Enum(c.Level), text.Enum(c.Urgency), c.CategoryName, c.CommunityName, c.CourtyardName, c.UnitName,
                c.Description, Local(c.ReportedAtUtc), c.HandlingDeadlineUtc is { } deadline ? Local(deadline) : null, c.IsSupervised ? "✓" : "", c.ReworkCount,
            ];
        }
    }

    private static string Local(DateTime utc) => ChinaTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
