using MudBlazor;

namespace CommandCenter.Web.Components.Layout;

/// <summary>
/// The console's light theme: quiet blues and greys for long desk shifts, with colour kept
/// for state and urgency. Components use its palette names, never colour values.
/// </summary>
public static class CommandCenterTheme
{
    /// <summary>Chinese faces first so that Han characters never fall back to a mismatched font.</summary>
    public static readonly string[] FontFamily =
    [
        "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
        "Hiragino Sans GB", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif",
    ];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Colors.Blue.Darken3,
            Secondary = Colors.Teal.Darken1,
            Tertiary = Colors.Indigo.Lighten1,
            Info = Colors.LightBlue.Darken2,
            Success = Colors.Green.Darken1,
            Warning = Colors.Orange.Darken2,
            Error = Colors.Red.Darken2,
            Dark = Colors.BlueGray.Darken3,
            AppbarBackground = Colors.Blue.Darken4,
            AppbarText = Colors.Shades.White,
            Background = Colors.BlueGray.Lighten5,
            Surface = Colors.Shades.White,
            TextPrimary = Colors.BlueGray.Darken4,
            TextSecondary = Colors.BlueGray.Darken1,
            TableHover = Colors.Blue.Lighten5,
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            // Chinese has no letter case; uppercase English buttons would shout next to it.
            Button = new ButtonTypography { TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
