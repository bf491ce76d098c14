using System.Globalization;
using Microsoft.JSInterop;

namespace CommandCenter.Web.Session;

/// <summary>
/// What this browser remembers for the signed-in user at the desk (local storage, one key per user, so a shared
/// desk keeps each dispatcher's own): the queue's density and when each queue tab was last looked at.
/// Only after the first render: storage is the browser's, not the prerendering server's.
/// </summary>
public sealed class DeskMemory(IJSRuntime js, CurrentActor actor)
{
    public async Task<bool> IsCompactAsync() => await GetAsync("density") == "compact";

    public Task SetCompactAsync(bool compact) => SetAsync("density", compact ? "compact" : "comfortable");

    /// <summary>
    /// When the user last opened <paramref name="tab"/> (now, on a first look: what comes in from here on is new), and
    /// remembers now as the last time.
    /// </summary>
    public async Task<DateTime> LookAtAsync(string tab, DateTime nowUtc)
    {
        var before = DateTime.TryParse(await GetAsync($"seen.{tab}"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var seen)
            ? seen.ToUniversalTime()
            : nowUtc;
        await SawAsync(tab, nowUtc);
        return before;
    }

    /// <summary>The tab, open, showed what there was at <paramref name="atUtc"/>: the next look marks only what changes after.</summary>
    public Task SawAsync(string tab, DateTime atUtc) => SetAsync($"seen.{tab}", atUtc.ToString("O", CultureInfo.InvariantCulture));

    private string Key(string name) => $"cc:{actor.Post.StaffId?.Value.ToString(CultureInfo.InvariantCulture) ?? actor.Post.Name}:{name}";

    private ValueTask<string?> GetAsync(string name) => js.InvokeAsync<string?>("localStorage.getItem", Key(name));

    private Task SetAsync(string name, string value) => js.InvokeVoidAsync("localStorage.setItem", Key(name), value).AsTask();
}
