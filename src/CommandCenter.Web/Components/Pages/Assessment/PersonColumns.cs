using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Web.Api.Exports;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components.Pages.Assessment;

/// <summary>One column of a people table after the rank, name, score and grade: its header key, the act a drill-down opens, its value.</summary>
public sealed record PersonColumn(string Key, PersonAct? Drill, Func<PersonScore, object?> Value);

/// <summary>The columns of a kind's people table, in order: the page and the exports show the same.</summary>
public static class PersonColumns
{
    /// <summary>The kind's counts (each opening its cases), the rates its scheme can weigh, and for dispatchers the desk wait.</summary>
    public static IReadOnlyList<PersonColumn> Of(PersonKind kind) =>
    [
        .. PersonKinds.Figures(kind).Select(a => new PersonColumn($"Assessment.{a}", a, r => r.Person.Of(a))),
        .. ScoredKinds.Weighable(ScoredKinds.Of(kind)).Where(i => i != ScoreIndicator.RegisteredCount)
            .Select(i => new PersonColumn($"ScoreIndicator.{i}", null, r => r.Indicators.RateOf(i))),
        .. kind == PersonKind.Dispatcher ? [new PersonColumn("Assessment.AverageDispatch", null, r => r.Indicators.AverageDispatchTime)] : Array.Empty<PersonColumn>(),
    ];

    /// <summary>A header as the page and the exports label it (rates in %, times in working minutes).</summary>
    public static string Header(IStringLocalizer text, PersonColumn column) =>
        column.Key.StartsWith("ScoreIndicator.", StringComparison.Ordinal) ? $"{text[column.Key]} (%)"
        : column.Drill is null ? $"{text[column.Key]} ({text["Assessment.WorkingMinutes"]})"
        : text[column.Key];

    /// <summary>The table for download: rank, name, score, grade, then every column; rates as percentages, times as working minutes.</summary>
    public static ExportTable Table(IStringLocalizer text, PersonKindScores scores)
    {
        var columns = Of(scores.Kind);
        return ExportTable.Of(
            [text["Assessment.Rank"], text["Assessment.Person"], text["Assessment.Score"], text["Assessment.Grade"], .. columns.Select(c => Header(text, c))],
            scores.Rows.Select(r => (object?[])[r.Rank, r.Person.Name, r.Score?.Value, r.Score?.Grade.ToString(), .. columns.Select(c => AssessmentColumns.Cell(c.Value(r)))]));
    }
}
