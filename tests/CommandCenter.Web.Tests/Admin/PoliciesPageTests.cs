using Bunit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;
using MudBlazor;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>The policy page carries what a missed sign-for leads to: shown per row, chosen on a new policy, kept by an edit.</summary>
public sealed class PoliciesPageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task NewPolicy_WithTheChoiceMade_IsStoredWithIt()
    {
        var category = Directory.Categories.Last().Code;
        var page = RenderPage<Policies>();

        await Choose(page, category);
        await Choose(page, HandlingLevel.Street);
        await Choose(page, SignForLapse.Remind);
        page.Find("[data-action='save-policy']").Click();
        // The save is awaited by the page; its message says it is done.
        page.WaitForElement("[data-message='saved']");

        var stored = (await Deadlines.PoliciesAsync()).Single(p => p.CategoryCode == category && p.Level == HandlingLevel.Street);
        Assert.Equal(SignForLapse.Remind, stored.SignForLapse);
        page.WaitForAssertion(() => Assert.Contains("仅提醒", page.Find($"tr:has([data-edit='{stored.Id}'])").TextContent));
    }

    [Fact]
    public async Task EditingAnotherLimit_KeepsThePolicysChoice()
    {
        var policy = await Deadlines.CreatePolicyAsync(System, new PolicyInput(
            Directory.Categories.First().Code, null, HandlingLevel.District, 20, 600, 0.75, TimeBasis.Calendar, SignForLapse.Escalate));
        var page = RenderPage<Policies>();
        Assert.Contains("升级", page.Find($"tr:has([data-edit='{policy.Id}'])").TextContent);

        page.Find($"[data-edit='{policy.Id}']").Click();
        page.Find(Input("data-field='handling'")).Change("900");
        page.Find("[data-action='save-policy']").Click();
        // The save is awaited by the page; its message says it is done.
        page.WaitForElement("[data-message='saved']");

        var stored = (await Deadlines.PoliciesAsync()).Single(p => p.Id == policy.Id);
        Assert.Equal((TimeSpan.FromMinutes(900), SignForLapse.Escalate, 2), (stored.Handling, stored.SignForLapse, stored.Revision));
    }

    [Fact]
    public async Task AutoSuperviseSwitchedOff_IsStoredAsANewRevisionAndShown()
    {
        var policy = await Deadlines.CreatePolicyAsync(System, new PolicyInput(
            Directory.Categories.First(c => c.IsItem).Code, null, HandlingLevel.Street, 20, 600, 0.75, TimeBasis.Calendar));
        Assert.True(policy.AutoSuperviseOnOverdue);
        var page = RenderPage<Policies>();

        page.Find($"[data-edit='{policy.Id}']").Click();
        var toggle = page.FindComponent<MudSwitch<bool>>();
        await toggle.InvokeAsync(() => toggle.Instance.ValueChanged.InvokeAsync(false));
        page.Find("[data-action='save-policy']").Click();
        // The save is awaited by the page; its message says it is done.
        page.WaitForElement("[data-message='saved']");

        var stored = (await Deadlines.PoliciesAsync()).Single(p => p.Id == policy.Id);
        Assert.Equal((false, 2), (stored.AutoSuperviseOnOverdue, stored.Revision));
        page.WaitForAssertion(() => Assert.Equal("off", page.Find($"tr:has([data-edit='{policy.Id}']) [data-auto-supervise]").GetAttribute("data-auto-supervise")));
    }

    /// <summary>Picks a value in the form's select of that type, as choosing it in the list would.</summary>
    private static Task Choose<T>(IRenderedComponent<Policies> page, T value)
    {
        var select = page.FindComponent<MudSelect<T>>();
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
