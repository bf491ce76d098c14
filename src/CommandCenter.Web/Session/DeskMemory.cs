using System.Globalization;
using Microsoft.JSInterop;

namespace CommandCenter.Web.Session;

/// <summary>
/// What this browser remembers for the signed-in user at the desk (local storage, one key per user, so a shared
/// desk keeps each dispatcher's own): the queue's density.
/// Only after the first render: storage is the browser's, not the prerendering server's.
/// </summary>
public sealed class DeskMemory(IJSRuntime js, CurrentActor actor)
{
    public async Task<bool> IsCompactAsync() => await GetAsync("density") == "compact";

    public Task SetCompactAsync(bool compact) => SetAsync("density", compact ? "compact" : "comfortable");

    private string Key(string name) => $"cc:{actor.Post.StaffId?.Value.ToString(CultureInfo.InvariantCulture) ?? actor.Post.Name}:{name}";

    private ValueTask<string?> GetAsync(string name) => js.InvokeAsync<string?>("localStorage.getItem", Key(name));

    private Task SetAsync(string name, string value) => js.InvokeVoidAsync("localStorage.setItem", Key(name), value).AsTask();
}
