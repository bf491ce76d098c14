using Bunit;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Components;

public sealed class StateChipTests : ComponentTest
{
    [Theory]
    [InlineData(CaseState.Reported, "待受理")]
    [InlineData(CaseState.PendingDispatch, "待派遣")]
    [InlineData(CaseState.Closed, "已结案")]
    public void Render_InChinese_ShowsTheStateName(CaseState state, string label)
    {
        var chip = Context.Render<StateChip>(p => p.Add(c => c.State, state));

        Assert.Equal(label, chip.Find("[data-state]").TextContent.Trim());
        Assert.Equal(state.ToString(), chip.Find("[data-state]").GetAttribute("data-state"));
    }

    [Fact]
    public void EveryState_HasItsOwnChineseName()
    {
        var labels = Enum.GetValues<CaseState>()
            .Select(s => Context.Render<StateChip>(p => p.Add(c => c.State, s)).Find("[data-state]").TextContent.Trim())
            .ToList();

        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.DoesNotContain(labels, l => Enum.GetNames<CaseState>().Contains(l));
    }
}

public sealed class StateChipEnglishTests() : ComponentTest(CultureSetup.English)
{
    [Fact]
    public void Render_InEnglish_ShowsTheEnglishName()
    {
        var chip = Context.Render<StateChip>(p => p.Add(c => c.State, CaseState.PendingDispatch));

        Assert.Equal("Pending dispatch", chip.Find("[data-state]").TextContent.Trim());
    }
}
