using CommandCenter.Web.Components.Layout;
using CommandCenter.Web.Tests.Support;
using MudBlazor;

namespace CommandCenter.Web.Tests.Components;

/// <summary>The theme's style sheet, built once for every circuit, is exactly what the kit writes for each page.</summary>
public sealed class SharedThemeProviderTests : ComponentTest
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSharedSheet_IsTheKitsOwn(bool dark)
    {
        var theme = CommandCenterTheme.Create();

        var kit = Context.Render<MudThemeProvider>(p => p.Add(x => x.Theme, theme).Add(x => x.IsDarkMode, dark));
        var first = Context.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, theme).Add(x => x.IsDarkMode, dark));
        var second = Context.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, theme).Add(x => x.IsDarkMode, dark));

        Assert.True(SharedThemeProvider.Shares(theme, dark));
        Assert.Contains("--mud-palette-primary", first.Markup, StringComparison.Ordinal);
        Assert.Equal(kit.Markup, first.Markup);
        Assert.Equal(kit.Markup, second.Markup);
    }

    [Fact]
    public void DarkAndLight_AreSheetsOfTheirOwn()
    {
        var theme = CommandCenterTheme.Create();

        var light = Context.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, theme));
        var dark = Context.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, theme).Add(x => x.IsDarkMode, true));

        Assert.Contains("--mud-native-html-color-scheme: dark", dark.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("--mud-native-html-color-scheme: dark", light.Markup, StringComparison.Ordinal);
    }
}
