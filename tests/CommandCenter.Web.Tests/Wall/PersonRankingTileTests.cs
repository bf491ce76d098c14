using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Web.Components.Wall;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>
/// The wall's tile of people: each kind ranked by its default scheme as the assessment page ranks it, the wall's top three shown,
/// ties sharing a rank. Scores worked out by hand: 立案数分值 × 20 % + 按时率 × 40 % + (1 − 退单率 or 无效上报率) × 40 %, a rate
/// with no denominator left out and the other weights renormalised.
/// </summary>
public sealed class PersonRankingTileTests : ComponentTest
{
    private static readonly AssessmentPeriod Period = AssessmentPeriod.Month(2026, 11);

    [Fact]
    public void Tile_ShowsEachKindsTopThree_BestFirst_TiesSharingARank()
    {
        var dispatchers = PersonScores.Rank(Period, PersonKind.Dispatcher, ScoringScheme.Default(ScoredKind.Dispatcher),
        [
            // 20 dispatched (80 points), 15 on time, 2 returned: 16 + 30 + 36 = 82.00, B.
            Dispatcher(1, "陈晓", dispatched: 20, onTime: 15, returned: 2),
            // 20 dispatched, all on time, none returned: 16 + 40 + 40 = 96.00, A — twice, one rank.
            Dispatcher(2, "王芳", dispatched: 20, onTime: 20, returned: 0),
            Dispatcher(3, "李明", dispatched: 20, onTime: 20, returned: 0),
            // 50 dispatched (90 points), 25 on time, 5 returned: 18 + 20 + 36 = 74.00, C: fourth, not on the wall.
            Dispatcher(4, "赵强", dispatched: 50, onTime: 25, returned: 5),
            // Nothing dispatched: no rate, no score, no rank.
            Dispatcher(5, "孙丽", dispatched: 0, onTime: 0, returned: 0),
        ]);
        var gridWorkers = PersonScores.Rank(Period, PersonKind.GridWorker, ScoringScheme.Default(ScoredKind.GridWorker),
        [
            // One report (60 points), not refused, nothing verified: (12 + 40) ÷ 60 % = 86.67, B.
            Person(6, "周杰", AccessRole.GridWorker, new() { [PersonAct.Reported] = 1 }),
        ]);

        var tile = Context.Render<PersonRankingTile>(p => p.Add(t => t.People, WallAssessment.Top([dispatchers, gridWorkers])));

        Assert.Equal(["派遣员", "网格员"], tile.FindAll("[data-person-kind]").Select(h => h.TextContent.Trim()));
        var rows = tile.FindAll("[data-person]").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["1 王芳 96.00 A", "1 李明 96.00 A", "3 陈晓 82.00 B", "1 周杰 86.67 B"], rows);
        Assert.Empty(tile.FindAll("[data-person-none]"));
    }

    [Fact]
    public void Tile_SaysSo_WhenNobodyOfAKindHasAScore()
    {
        var nobody = PersonScores.Rank(Period, PersonKind.GridWorker, ScoringScheme.Default(ScoredKind.GridWorker),
            [Person(7, "吴敏", AccessRole.GridWorker, [])]);

        var tile = Context.Render<PersonRankingTile>(p => p.Add(t => t.People, WallAssessment.Top([nobody])));

        Assert.Empty(tile.FindAll("[data-person]"));
        Assert.Equal("暂无评分人员。", tile.Find("[data-person-none]").TextContent.Trim());
    }

    private static PersonIndicatorCounts Dispatcher(int id, string name, int dispatched, int onTime, int returned) =>
        Person(id, name, AccessRole.Dispatcher, new()
        {
            [PersonAct.Dispatched] = dispatched, [PersonAct.DispatchedOnTime] = onTime, [PersonAct.DispatchReturned] = returned,
        });

    private static PersonIndicatorCounts Person(int id, string name, AccessRole role, Dictionary<PersonAct, int> acts) =>
        new(new StaffId(id), name, role, new PersonCounts(acts, 0, TimeSpan.Zero));
}
