using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Controls;

/// <summary>
/// The photo viewer: one photo at a time with previous/next, or before and after side by side. Keys while it is open
/// (console.js presses the buttons): ←/→ previous/next, +/− zoom, 0 fit; Escape closes (the dialog's own option).
/// </summary>
public sealed partial class PhotoViewer
{
    private const double MinZoom = 0.5;
    private const double MaxZoom = 4;
    private const double ZoomStep = 0.5;

    [Parameter, EditorRequired] public required CasePhotos Set { get; set; }
    /// <summary>The photo it opens at; the viewer then keeps its own place (<see cref="Shown"/>).</summary>
    [Parameter] public int Index { get; set; }
    [Parameter] public bool Compare { get; set; }

    /// <summary>Width as a share of the stage: 1 fits the photo to the dialog.</summary>
    public double Zoom { get; private set; } = 1;

    /// <summary>The photo shown now, among <see cref="CasePhotos.All"/>.</summary>
    public int Shown { get; private set; }

    private IReadOnlyList<CasePhoto> Photos => Set.All;
    private CasePhoto Current => Photos[Shown];

    protected override void OnInitialized() => Shown = Math.Clamp(Index, 0, Math.Max(0, Photos.Count - 1));

    /// <summary>Opens at <paramref name="index"/> of the case's photos, or in comparison, and completes when closed.</summary>
    public static async Task ShowAsync(IDialogService dialogs, CasePhotos photos, int index = 0, bool compare = false)
    {
        var parameters = new DialogParameters<PhotoViewer>
        {
            { v => v.Set, photos },
            { v => v.Index, index },
            { v => v.Compare, compare },
        };
        // Its keys work wherever the focus is (console.js); the dialog's default would take the focus to the close button.
        var options = new DialogOptions
        {
            MaxWidth = MaxWidth.ExtraLarge, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true, BackdropClick = true, DefaultFocus = DefaultFocus.None,
        };
        await (await dialogs.ShowAsync<PhotoViewer>(null, parameters, options)).Result;
    }

    /// <summary>At 1 the whole photo fits the stage, however tall; beyond, its width is that share of the stage's.</summary>
    public static string StyleFor(double zoom) => zoom == 1
        ? "max-width: 100%; max-height: 68vh"
        : string.Create(CultureInfo.InvariantCulture, $"width: {zoom * 100:0}%");

    private void Move(int step) => Shown = (Shown + step + Photos.Count) % Photos.Count;

    private void ZoomBy(int steps) => Zoom = Math.Clamp(Zoom + steps * ZoomStep, MinZoom, MaxZoom);
}
