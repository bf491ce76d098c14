using CommandCenter.Infrastructure.Cases;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>
/// The one dialog for every command: renders a <see cref="CommandForm"/> (<see cref="CommandFields"/>), sends the request and
/// stays open on a refusal so nothing typed is lost; the refusal is shown as a plain sentence.
/// The page reloads the case whenever the dialog closes, so a conflict is resolved by closing it.
/// </summary>
public sealed partial class CommandDialog
{
    private bool _validated;
    private bool _busy;
    private bool _conflict;
    private string? _error;

    [Inject] public required ISnackbar Snackbar { get; init; }

    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }
    [Parameter, EditorRequired] public required string CaseNumber { get; set; }
    [Parameter, EditorRequired] public required CommandForm Form { get; set; }
    /// <summary>Sends the request (the page adds the case id, the version it showed and the actor).</summary>
    [Parameter, EditorRequired] public required Func<CaseCommandRequest, Task> Execute { get; set; }

    /// <summary>Opens the dialog and completes when it closes, whether the command was sent or not.</summary>
    public static async Task ShowAsync(IDialogService dialogs, string caseNumber, CommandForm form, Func<CaseCommandRequest, Task> execute)
    {
        var parameters = new DialogParameters<CommandDialog>
        {
            { d => d.CaseNumber, caseNumber },
            { d => d.Form, form },
            { d => d.Execute, execute },
        };
        var dialog = await dialogs.ShowAsync<CommandDialog>(null, parameters);
        await dialog.Result;
    }

    private async Task SubmitAsync()
    {
        _validated = true;
        _error = null;
        if (!Form.IsComplete) return;

        _busy = true;
        try
        {
            await Execute(await Form.BuildAsync([], CancellationToken.None));
            Snackbar.Add(L["Command.Done", Form.Title ?? L.Enum(Form.Command), CaseNumber], Severity.Success);
            Dialog.Close();
        }
        catch (CaseConflictException)
        {
            _conflict = true;
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _error = message;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Close() => Dialog.Cancel();
}
