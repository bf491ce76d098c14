using CommandCenter.Web.Localization;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommandCenter.Web.Tests.Components;

/// <summary>The UI kit's built-in labels come from the app's resources in the user's language, MudBlazor's English otherwise.</summary>
public sealed class MudLabelsTests : ComponentTest
{
    [Fact]
    public void SortAndPaging_InChinese_AreChinese()
    {
        var labels = Context.Services.GetRequiredService<MudLocalizer>();

        Assert.IsType<MudLabels>(labels);
        Assert.Equal("排序", labels["MudDataGrid_Sort"].Value);
        Assert.Equal("下一页", labels["MudDataGridPager_NextPage"].Value);
    }

    [Fact]
    public void ALabelWithoutARow_IsLeftToMudBlazor()
    {
        var label = Context.Services.GetRequiredService<MudLocalizer>()["MudColorPicker_Open"];

        Assert.True(label.ResourceNotFound);
    }
}
