using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace CommandCenter.Web.Components.Layout;

/// <summary>
/// <see cref="MudThemeProvider"/> whose style sheet is built once per theme and mode and shared by every
/// circuit: the kit writes its 14 KB of theme variables anew for each page that opens, and a street keeps
/// hundreds of walls, consoles and phones open on one server. Everything else (dark-mode watching, the
/// palette) is the kit's own. Should a kit version write anything but plain markup, it renders as the kit does.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<(MudTheme? Theme, bool Dark, bool DefaultScrollbar), string?> Sheets = new();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        // The mode as the layout set it, which is what the kit's sheet is written for.
#pragma warning disable MUD0010
        var sheet = Sheets.GetOrAdd((Theme, IsDarkMode, DefaultScrollbar), _ => KitMarkup());
#pragma warning restore MUD0010
        if (sheet is null) base.BuildRenderTree(builder);
        else builder.AddMarkupContent(0, sheet);
    }

    /// <summary>Whether pages of this theme and mode share one sheet (false: the kit renders something else than markup).</summary>
    internal static bool Shares(MudTheme theme, bool dark) => Sheets.TryGetValue((theme, dark, false), out var sheet) && sheet is not null;

    /// <summary>What the kit renders, when it is markup only; null otherwise.</summary>
    /// <remarks>Reads the kit's frames (BL0006: the frame types may change between framework versions; SharedThemeProviderTests compares the result with the kit's own page).</remarks>
#pragma warning disable BL0006
    private string? KitMarkup()
    {
        using var scratch = new RenderTreeBuilder();
        base.BuildRenderTree(scratch);
        var frames = scratch.GetFrames();
        var markup = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Array[i].FrameType != RenderTreeFrameType.Markup) return null;
            markup.Append(frames.Array[i].MarkupContent);
        }
        return markup.ToString();
    }
#pragma warning restore BL0006
}
