using CommandCenter.Infrastructure.Imports;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// The roster (花名册) imported a sheet at a time: the template, the file, a preview listing every row's problem,
/// and the import once the preview is clean — read the same way as the API reads it.
/// </summary>
public sealed partial class Import
{
    private RosterSheet _sheet = RosterSheet.Units;
    private (byte[] Content, string Name)? _file;
    private ImportPreview? _preview;
    private IReadOnlyList<SignInCreated> _signIns = [];

    [Inject] public required RosterImport Roster { get; init; }

    private void ChooseSheet(RosterSheet sheet) => (_sheet, _file, _preview, _signIns) = (sheet, null, null, []);

    private async Task PickAsync(InputFileChangeEventArgs e)
    {
        (_file, _preview, _signIns) = (null, null, []);
        await ShowAsync(async () =>
        {
            await using var upload = e.File.OpenReadStream(RosterImportEndpoints.MaxUploadBytes);
            var content = new MemoryStream();
            await upload.CopyToAsync(content);
            _file = (content.ToArray(), e.File.Name);
        });
    }

    private Task PreviewAsync() => ShowAsync(async () =>
    {
        var sheet = await ReadAsync();
        _preview = UploadedWorkbook.Worded(Localizer, await Roster.PreviewAsync(_sheet, sheet.Rows, By));
    });

    private Task AcceptAsync() => ShowAsync(async () =>
    {
        var sheet = await ReadAsync();
        var imported = await Roster.AcceptAsync(_sheet, sheet.Rows, sheet.File, By);
        (_preview, _signIns, _file) = (null, imported.SignIns, null);
        Say(Localizer["Import.Done", imported.Summary.New, imported.Summary.Changed, imported.Summary.Unchanged], false);
    });

    private Task<WorkbookRows> ReadAsync() =>
        WorkbookReader.ReadAsync(new MemoryStream(_file!.Value.Content), _file.Value.Name, RosterImport.ColumnsOf(_sheet), RosterImport.MaxRows, CancellationToken.None);

    private async Task ShowAsync(Func<Task> work)
    {
        Say(null, false);
        try
        {
            await work();
        }
        catch (IOException)
        {
            // A file over the limit fails its read, as the API answers 413.
            Say(ErrorText.Of(Localizer, ErrorTable.OfStatus(StatusCodes.Status413PayloadTooLarge)), true);
        }
        catch (Exception e) when (UserMessages.TryDescribe(Localizer, e, out var sentence))
        {
            Say(sentence, true);
        }
    }
}
