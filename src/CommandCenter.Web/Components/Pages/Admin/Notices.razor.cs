using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Notices;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// Notices: each kind's template saved as a new revision, and the outbox by state — what the
/// development gateway "sent" and the dead letters an administrator sends again.
/// </summary>
public sealed partial class Notices
{
    private IReadOnlyList<NoticeTemplateView> _templates = [];
    private Dictionary<NoticeKind, string> _texts = [];
    private IReadOnlyList<NoticeView> _notices = [];
    private NoticeState? _state;

    [Inject] public required NoticeAdministration Administration { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _templates = await Administration.TemplatesAsync();
        _texts = _templates.ToDictionary(t => t.Kind, t => t.Text);
        _notices = await Administration.ListAsync(_state);
    }

    private Task SaveAsync(NoticeTemplateView template) =>
        RunAsync(() => Administration.SaveTemplateAsync(By, template.Kind, new NoticeTemplateInput(_texts[template.Kind], template.Revision)),
            ReloadAsync, "Notices.TemplateSaved");

    private Task ResendAsync(long id) => RunAsync(() => Administration.ResendAsync(By, id), ReloadAsync, "Notices.Resent");

    private async Task FilterAsync(NoticeState? state)
    {
        _state = state;
        _notices = await Administration.ListAsync(_state);
    }
}
