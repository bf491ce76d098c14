using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// The street's assessment settings (whether 默认满意 counts as satisfied) and the scoring scheme of one
/// kind of unit or person (dispatchers, grid workers): weights, 立案数 count bands, grade bands and the 红黑榜 size.
/// Saving makes the next revision; the domain refuses an invalid scheme whole and the page says why.
/// </summary>
public sealed partial class Scoring
{
    private ScoredKind _kind = ScoredKind.PropertyCompany;
    private int _revision;
    private List<WeightRow> _weights = [];
    private List<BandRow> _bands = [];
    private decimal _gradeA, _gradeB, _gradeC, _gradeD;
    private int _listSize;
    private bool _defaultSatisfiedCounts;

    [Inject] public required ScoringAdministration Schemes { get; init; }
    [Inject] public required AssessmentSettings Settings { get; init; }
    [Inject] public required AssessmentQueries Assessment { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ChangeKindAsync(ScoredKind kind)
    {
        _kind = kind;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        var scheme = await Schemes.CurrentAsync(_kind);
        _revision = scheme.Revision;
        _weights = [.. scheme.Weights.Select(w => new WeightRow { Indicator = w.Indicator, WeightPercent = w.WeightPercent, Direction = w.Direction })];
        _bands = [.. scheme.CountBands.Select(b => new BandRow { AtLeast = b.AtLeast, Points = b.Points })];
        (_gradeA, _gradeB, _gradeC, _gradeD) = (scheme.Grades.A, scheme.Grades.B, scheme.Grades.C, scheme.Grades.D);
        _listSize = scheme.ListSize;
        _defaultSatisfiedCounts = await Assessment.DefaultSatisfiedCountsAsync(By.StreetId);
    }

    private Task SaveDefaultSatisfiedAsync(bool counts) =>
        RunAsync(() => Settings.SetDefaultSatisfiedCountsAsync(By, counts), ReloadAsync, "Admin.AssessmentSettingsSaved");

    private Task SaveAsync() => RunAsync(() => Schemes.SaveAsync(By, _kind, new ScoringSchemeInput(
        [.. _weights.Select(w => new IndicatorWeight(w.Indicator, w.WeightPercent, w.Direction))],
        [.. _bands.Select(b => new CountBand(b.AtLeast, b.Points))],
        new GradeBands(_gradeA, _gradeB, _gradeC, _gradeD), _listSize, _revision)), ReloadAsync, "Admin.ScoringSaved");

    private sealed class WeightRow
    {
        public ScoreIndicator Indicator { get; set; } = ScoreIndicator.SatisfactionRate;
        public int WeightPercent { get; set; }
        public ScoreDirection Direction { get; set; }
    }

    private sealed class BandRow
    {
        public int AtLeast { get; set; }
        public decimal Points { get; set; }
    }
}
