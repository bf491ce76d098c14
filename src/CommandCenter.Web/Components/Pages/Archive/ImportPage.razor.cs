using CommandCenter.Infrastructure.Imports;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Archive;

/// <summary>The lists the archive imports from a spreadsheet.</summary>
public enum ImportList
{
    ResidentBook,
    LandRegistry,
    PropertyCompany,
}

/// <summary>
/// The archive's imports on the console (一数一源): choose the list, upload the workbook, read the preview of every row
/// that is not unchanged with its problem in the reader's language, and accept. The page calls the same services as
/// the API (<see cref="ResidentBookImport"/>, <see cref="OwnerListImport"/>): the preview writes nothing, the accepted
/// import is one audited write, and the same file again changes nothing.
/// </summary>
public sealed partial class ImportPage
{
    private ImportList _list;
    private IReadOnlyList<IReadOnlyDictionary<string, string?>>? _rows;
    private string? _fileName;
    private ImportPreview? _preview;
    private bool _accepted, _busy;

    [Inject] public required ResidentBookImport ResidentBook { get; init; }
    [Inject] public required OwnerListImport OwnerList { get; init; }

    /// <summary>The lists the post keeps: the resident book for those who keep residents, the owner lists for those who keep the register.</summary>
    private List<ImportList> Lists =>
    [
        .. By.Can(Capability.KeepResidentBook) ? [ImportList.ResidentBook] : Array.Empty<ImportList>(),
        .. By.Can(Capability.KeepOwnerRegister) ? [ImportList.LandRegistry, ImportList.PropertyCompany] : Array.Empty<ImportList>(),
    ];

    private string TemplatePath => _list == ImportList.ResidentBook ? "/api/archive/imports/residents/template.xlsx" : "/api/archive/imports/owners/template.xlsx";

    protected override void OnInitialized() => _list = Lists.FirstOrDefault();

    private void Choose(ImportList list) => (_list, _rows, _preview, _fileName) = (list, null, null, null);

    private async Task PreviewAsync(InputFileChangeEventArgs e)
    {
        (_preview, _accepted, _busy) = (null, false, true);
        try
        {
            await RunAsync(async () =>
            {
                await using var upload = e.File.OpenReadStream(ArchiveImportEndpoints.MaxUploadBytes);
                _fileName = e.File.Name;
                _rows = _list == ImportList.ResidentBook
                    ? (await WorkbookReader.ReadAsync(upload, e.File.Name, ResidentBookImport.Columns, ResidentBookImport.MaxRows, default)).Rows
                    : (await WorkbookReader.ReadAsync(upload, e.File.Name, OwnerListImport.Columns, OwnerListImport.MaxRows, default)).Rows;
                _preview = _list == ImportList.ResidentBook
                    ? await ResidentBook.PreviewAsync(By, _rows)
                    : await OwnerList.PreviewAsync(By, SourceOf(_list), _rows);
            }, () => Task.CompletedTask, "ArchiveImport.PreviewReady");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task AcceptAsync()
    {
        if (_rows is not { } rows) return;
        _busy = true;
        try
        {
            await RunAsync(async () =>
            {
                _preview = _list == ImportList.ResidentBook
                    ? await ResidentBook.AcceptAsync(By, rows)
                    : await OwnerList.AcceptAsync(By, SourceOf(_list), rows);
                _accepted = true;
            }, () => Task.CompletedTask, "ArchiveImport.Accepted");
        }
        finally
        {
            _busy = false;
        }
    }

    private static ArchiveSource SourceOf(ImportList list) => list == ImportList.LandRegistry ? ArchiveSource.LandRegistry : ArchiveSource.PropertyCompany;

    private static IEnumerable<(ImportRowKind Kind, int Count)> Counts(ImportPreview preview) =>
        [(ImportRowKind.New, preview.New), (ImportRowKind.Changed, preview.Changed), (ImportRowKind.Conflicting, preview.Conflicting), (ImportRowKind.Invalid, preview.Invalid)];

    private static Color ColorOf(ImportRowKind kind) => kind switch
    {
        ImportRowKind.New => Color.Success,
        ImportRowKind.Changed => Color.Info,
        ImportRowKind.Conflicting => Color.Warning,
        ImportRowKind.Invalid => Color.Error,
        _ => Color.Default,
    };
}
