using Bunit;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Pages.Cases;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// A <see cref="CommandDialog"/> open in a bUnit context, as the case page opens it, with every request it
/// sends recorded instead of run. <see cref="Closed"/> completes when the dialog closes.
/// </summary>
public sealed class CommandDialogHost
{
    private readonly List<CaseCommandRequest> _sent = [];

    private CommandDialogHost(BunitContext context, CommandForm form)
    {
        context.Render<MudPopoverProvider>();
        Provider = context.Render<MudDialogProvider>();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        Closed = Provider.InvokeAsync(() => CommandDialog.ShowAsync(dialogs, "CT-20261203-0001", form, steps =>
        {
            _sent.AddRange(steps);
            return Task.CompletedTask;
        }));
        Provider.WaitForElement(".mud-dialog");
    }

    public IRenderedComponent<MudDialogProvider> Provider { get; }
    public Task Closed { get; }
    public IReadOnlyList<CaseCommandRequest> Sent => _sent;

    public static CommandDialogHost Open(BunitContext context, CommandForm form) => new(context, form);

    /// <summary>The questions the dialog shows, by their label keys, in order.</summary>
    public IReadOnlyList<string> Fields => [.. Provider.FindAll(".mud-dialog [data-field]").Select(e => e.GetAttribute("data-field")!).Distinct()];

    public void Send() => Provider.Find(".mud-dialog-actions [data-command]").Click();
}
