using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
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
    [Inject] public required IDialogService Dialogs { get; init; }

    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }
    [Parameter, EditorRequired] public required string CaseNumber { get; set; }
    [Parameter, EditorRequired] public required CommandForm Form { get; set; }
    /// <summary>Sends the requests as one step (the page adds the case id, the version it showed and the actor).</summary>
    [Parameter, EditorRequired] public required Func<IReadOnlyList<CaseCommandRequest>, Task> Execute { get; set; }
    /// <summary>The case's photos: verifying shows the reporter's beside the result's.</summary>
    [Parameter] public CasePhotos? Photos { get; set; }

    /// <summary>Opens the dialog and completes when it closes, whether the command was sent or not.</summary>
    public static async Task ShowAsync(
        IDialogService dialogs, string caseNumber, CommandForm form, Func<IReadOnlyList<CaseCommandRequest>, Task> execute, CasePhotos? photos = null)
    {
        var parameters = new DialogParameters<CommandDialog>
        {
            { d => d.CaseNumber, caseNumber },
            { d => d.Form, form },
            { d => d.Execute, execute },
            { d => d.Photos, photos },
        };
        // Enter confirms wherever the focus is (here inside the form, console.js outside it).
        var options = new DialogOptions { CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<CommandDialog>(null, parameters, options);
        await dialog.Result;
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !e.ShiftKey && !e.AltKey && !_busy && !_conflict) await SubmitAsync();
    }

    private Task OpenPhotoAsync(CasePhoto photo) => PhotoViewer.ShowAsync(Dialogs, Photos!, Photos!.IndexOf(photo));

    private Task CompareAsync() => PhotoViewer.ShowAsync(Dialogs, Photos!, compare: true);

    private async Task SubmitAsync()
    {
        // Enter and a click may both arrive for one confirmation.
        if (_busy) return;
        _validated = true;
        _error = null;
        if (!Form.IsComplete) return;

        _busy = true;
        try
        {
            await Execute(await Form.BuildStepsAsync([], CancellationToken.None));
            Snackbar.Add(L["Command.Done", Form.Title ?? L.Enum(Form.Command), CaseNumber], Severity.Success);
            Dialog.Close(DialogResult.Ok(true));
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
