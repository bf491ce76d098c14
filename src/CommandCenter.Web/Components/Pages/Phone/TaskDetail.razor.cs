using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Components.Pages.Cases;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Phone;

/// <summary>
/// One task on the handler's phone: what, where, the photos and the timeline, and the commands
/// the case and the post allow now (签收, 退单, 进展, 办结), progress and result with photos
/// stored in the same transaction as their event. Follows the case's events while open.
/// </summary>
public sealed partial class TaskDetail : IDisposable
{
    /// <summary>
    /// The commands the phone has a form for, the unit's own part of a cross-agency case included; requests and
    /// decisions stay on the console.
    /// </summary>
    private static readonly CaseCommand[] PhoneCommands =
    [
        CaseCommand.Sign, CaseCommand.Return, CaseCommand.AddProgress, CaseCommand.ReportDone, CaseCommand.AnswerSupervision,
        CaseCommand.SignPart, CaseCommand.AddPartProgress, CaseCommand.ReturnPart, CaseCommand.ClosePart,
    ];

    private Post _post = null!;
    private CommandCatalog _catalog = null!;
    private CaseDetail? _task;
    private Guid _loadedId;
    private bool _loaded;
    private CommandForm? _form;
    private bool _validated;
    private IReadOnlyList<IBrowserFile> _photos = [];
    private string? _error;
    private CaseCommand? _done;
    private bool _busy;
    private LiveCaseFeed? _live;
    private Reporter? _revealed;

    [Parameter] public Guid Id { get; set; }

    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required CaseService Cases { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required ICaseEventStream Events { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required PhotoStore Photos { get; init; }
    [Inject] public required IOptions<PhotoOptions> PhotoLimits { get; init; }
    [Inject] public required PersonalDataReveal Reveal { get; init; }

    /// <summary>What the domain allows this post now (CaseDetail's commands are already filtered by its rights), as far as the phone has forms.</summary>
    private IEnumerable<CaseCommand> Offered => _task?.AllowedCommands.Where(PhoneCommands.Contains) ?? [];

    protected override void OnInitialized()
    {
        _post = Actor.Post.Via(ActSource.Phone);
        _catalog = new CommandCatalog(Directory, Queries, L, _post);
        if (RendererInfo.IsInteractive) _live = LiveCaseFeed.Follow(Events, e => e.CaseId == Id, _ => ReloadAsync(), InvokeAsync, LiveCaseFeed.PhoneInterval, Clock);
    }

    protected override async Task OnParametersSetAsync()
    {
        // The banner may lead from one task to another: what was typed for the first does not carry over.
        if (_loadedId != Id)
        {
            Close();
            _revealed = null;
        }
        _loadedId = Id;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _task = await Queries.DetailAsync(_post, Id);
        _loaded = true;
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    /// <summary>Opens the command's form, the console's own; a command that asks nothing (签收) is sent by the tap.</summary>
    private async Task ChooseAsync(CaseCommand command)
    {
        if (_task is not { } shown) return;
        Close();
        _form = await _catalog.FormForAsync(command, shown);
        if (!AsksSomething(_form)) await SendAsync();
    }

    private async Task SendAsync()
    {
        if (_task is not { } shown || _form is not { } form) return;
        _validated = true;
        _error = null;
        _done = null;
        if (!form.IsComplete) return;
        _busy = true;
        try
        {
            var photos = form.TakesPhotos && _photos.Count > 0
                ? await PhonePhotos.PrepareAsync(Photos, _photos, PhotoLimits.Value, L, CancellationToken.None)
                : null;
            if (photos?.Refusal is { } refusal)
            {
                _error = refusal;
                return;
            }
            // The version shown travels with the command: a case changed meanwhile is refused, not overwritten.
            var enclosures = photos?.Batch is { } batch ? new CaseEnclosures(batch.Photos) : CaseEnclosures.None;
            var request = (await form.BuildAsync(enclosures.PhotoIds, CancellationToken.None)) with { ExpectedVersion = shown.Version };
            await Cases.ExecuteAsync(Id, request, _post, enclosures);
            Close();
            _done = form.Command;
            await LoadAsync();
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _error = message;
            if (e is CaseConflictException) await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Close()
    {
        _form = null;
        _validated = false;
        _photos = [];
        _error = null;
    }

    /// <summary>A form whose every question is already answered (签收; a part's only unit) is sent by the tap.</summary>
    private static bool AsksSomething(CommandForm form) => form.TakesPhotos || form.Fields.Any(f => !f.HasValue);

    private static Color ColorOf(CaseCommand command) => command switch
    {
        CaseCommand.Return or CaseCommand.ReturnPart => Color.Warning,
        CaseCommand.ReportDone or CaseCommand.ClosePart => Color.Success,
        _ => Color.Primary,
    };

    /// <summary>The open part the post's unit co-handles on this case, if any: the phone then races its clock, not the lead's.</summary>
    private PartView? OwnPart(CaseDetail c) =>
        c.Parts.FirstOrDefault(p => p.Role == PartRole.CoHandler && p.IsOpen && p.UnitId == _post.UnitId && c.Handling.CurrentUnitId != _post.UnitId);

    private DateTime? Deadline(CaseDetail c) => OwnPart(c) is { } part
        ? part.IsSigned ? part.HandlingDeadlineUtc : part.SignDeadlineUtc
        : HandlerTask.DeadlineOf(c.State, c.Deadlines.SignDeadlineUtc, c.Deadlines.HandlingDeadlineUtc);

    /// <summary>Which clock the deadline is: the part's sign-for or handling, or the case's stage.</summary>
    private string DeadlineLabel(CaseDetail c) => OwnPart(c) is { } part
        ? L[part.IsSigned ? "Detail.PartHandlingDeadline" : "Detail.PartSignDeadline"]
        : L[$"Phone.Deadline.{c.State}"];

    /// <summary>Masked (DESIGN §9) until the handler reveals this case's reporter to call back.</summary>
    private string Reporter(CaseDetail c) =>
        string.Join(" · ", new[] { _revealed?.Name ?? c.Reporter.Name, _revealed?.Phone ?? c.Reporter.Phone }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } text ? text : "—";

    private async Task RevealAsync()
    {
        _error = null;
        try
        {
            _revealed = await Reveal.RevealAsync(_post, Id);
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _error = message;
        }
    }

    private static IEnumerable<TimelineEntry> PhotoEvents(CaseDetail c) => c.Timeline.Where(e => PhotoPaths(e).Any());

    /// <summary>Only photos this system stored, at their own address: an older database may hold anything else, which is not shown.</summary>
    private static IEnumerable<string> PhotoPaths(TimelineEntry entry) =>
        entry.Attachments.Select(a => a.PhotoId).OfType<Guid>().Select(Attachment.PhotoPath);

    public void Dispose() => _live?.Dispose();
}
