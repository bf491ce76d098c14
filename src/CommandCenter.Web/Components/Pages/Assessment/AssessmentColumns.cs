using System.Globalization;
using CommandCenter.Domain.Assessment;
using CommandCenter.Web.Api.Exports;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components.Pages.Assessment;

/// <summary>
/// One column of an assessment table: its header key ("Assessment.{Key}"), the count a drill-down opens
/// (for counts), and its value — a count, a <see cref="Rate"/> or an average working time.
/// </summary>
public sealed record AssessmentColumn(string Key, Indicator? Drill, Func<Indicators, object?> Value);

/// <summary>The columns of every assessment table, in order: the page, the report and the exports show the same.</summary>
public static class AssessmentColumns
{
    public static readonly IReadOnlyList<AssessmentColumn> All =
    [
        Count(Indicator.Registered), Count(Indicator.Due), Count(Indicator.Closed), Rate("ClosureRate", i => i.ClosureRate),
        Count(Indicator.ClosedOnTime), Rate("OnTimeRate", i => i.OnTimeRate), Count(Indicator.Deferred),
        Count(Indicator.Reworked), Rate("ReworkRate", i => i.ReworkRate), Count(Indicator.Returned), Rate("ReturnRate", i => i.ReturnRate),
        Count(Indicator.Satisfied), Count(Indicator.BasicallySatisfied), Count(Indicator.Unsatisfied), Count(Indicator.DefaultSatisfied),
        Rate("SatisfactionRate", i => i.SatisfactionRate), Count(Indicator.Dispatched), Count(Indicator.RespondedInTime),
        Rate("ResponseRate", i => i.ResponseRate), Count(Indicator.Resolved), Rate("ResolutionRate", i => i.ResolutionRate),
        Time(nameof(Indicators.AverageSignForTime), i => i.AverageSignForTime), Time(nameof(Indicators.AverageHandlingTime), i => i.AverageHandlingTime),
        Count(Indicator.Escalations), Count(Indicator.OverdueOpen),
    ];

    /// <summary>A cell as the page shows it: a count, a percentage with two decimals, or working minutes.</summary>
    public static string Text(object? value) => value switch
    {
        Rate rate => RateText.Of(rate),
        TimeSpan time => Minutes(time).ToString("0.0", CultureInfo.InvariantCulture),
        null => "—",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A header as the page and the exports label it (rates in %, times in working minutes).</summary>
    public static string Header(IStringLocalizer text, AssessmentColumn column) =>
        column.Key.EndsWith("Rate", StringComparison.Ordinal) ? $"{text[$"Assessment.{column.Key}"]} (%)"
        : column.Key.StartsWith("Average", StringComparison.Ordinal) ? $"{text[$"Assessment.{column.Key}"]} ({text["Assessment.WorkingMinutes"]})"
        : text[$"Assessment.{column.Key}"];

    /// <summary>A table of named rows for download: the name, then every column; rates as percentages, times as working minutes.</summary>
    public static ExportTable Table(IStringLocalizer text, string nameHeader, IEnumerable<(string Name, Indicators Indicators)> rows) =>
        ExportTable.Of(
            [nameHeader, .. All.Select(c => Header(text, c))],
            rows.Select(r => (object?[])[r.Name, .. All.Select(c => Cell(c.Value(r.Indicators)))]));

    /// <summary>A cell for download: a rate as its percentage, a time as working minutes.</summary>
    public static object? Cell(object? value) => value switch
    {
        Rate rate => rate.Percent,
        TimeSpan time => Minutes(time),
        _ => value,
    };

    private static double Minutes(TimeSpan time) => Math.Round(time.TotalMinutes, 1);

    private static AssessmentColumn Count(Indicator indicator) => new(indicator.ToString(), indicator, i => i.Counts.Of(indicator));

    /// <summary>An average time; its header key drops the "Time" of the property's name (Assessment.AverageSignFor).</summary>
    private static AssessmentColumn Time(string property, Func<Indicators, TimeSpan?> time) => new(property[..^"Time".Length], null, i => time(i));

    private static AssessmentColumn Rate(string key, Func<Indicators, Rate?> rate) => new(key, null, i => rate(i));
}
