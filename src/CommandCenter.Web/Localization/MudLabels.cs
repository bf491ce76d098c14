using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommandCenter.Web.Localization;

/// <summary>
/// The UI kit's own labels (sort, paging, close, clear…) from the app's resources under "Mud." keys, so they follow the
/// user's zh-CN/en-US choice like every other text; a label without a row keeps MudBlazor's English.
/// </summary>
public sealed class MudLabels(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public const string Prefix = "Mud.";

    public override LocalizedString this[string key] =>
        localizer[Prefix + key] is { ResourceNotFound: false } found ? new LocalizedString(key, found.Value) : new LocalizedString(key, key, resourceNotFound: true);
}
