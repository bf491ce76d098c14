using CommandCenter.Web.Components.Controls;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Images;
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
    /// <summary>The commands the phone has a form for; requests and decisions stay on the console.</summary>
    private static readonly CaseCommand[] PhoneCommands = [CaseCommand.Sign, CaseCommand.Return, CaseCommand.AddProgress, CaseCommand.ReportDone];
    private static readonly ReturnReason[] Reasons = Enum.GetValues<ReturnReason>();

    private Post _post = null!;
    private CaseDetail? _task;
    private Guid _loadedId;
    private bool _loaded;
    private CaseCommand? _open;
    private ReturnReason? _reason;
    private string? _text;
    private IReadOnlyList<IBrowserFile> _photos = [];
    private string? _error;
    private CaseCommand? _done;
    private bool _busy;
    private LiveCaseFeed? _live;

    [Parameter] public Guid Id { get; set; }

    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required CaseService Cases { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required ICaseEventStream Events { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required PhotoStore Photos { get; init; }
    [Inject] public required IOptions<PhotoOptions> PhotoLimits { get; init; }

    /// <summary>What the domain allows this post now (CaseDetail's commands are already filtered by its rights), as far as the phone has forms.</summary>
    private IEnumerable<CaseCommand> Offered => _task?.AllowedCommands.Where(PhoneCommands.Contains) ?? [];

    protected override void OnInitialized()
    {
        _post = Actor.Post.Via(ActSource.Phone);
        if (RendererInfo.IsInteractive) _live = LiveCaseFeed.Follow(Events, e => e.CaseId == Id, _ => ReloadAsync(), InvokeAsync, LiveCaseFeed.PhoneInterval, Clock);
    }

    protected override async Task OnParametersSetAsync()
    {
        // The banner may lead from one task to another: what was typed for the first does not carry over.
        if (_loadedId != Id) Close();
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

    /// <summary>签收 needs nothing more than the tap; the other commands open their form.</summary>
    private Task ChooseAsync(CaseCommand command)
    {
        Close();
        _open = command;
        return command == CaseCommand.Sign ? SendAsync() : Task.CompletedTask;
    }

    private async Task SendAsync()
    {
        if (_task is not { } shown || _open is not { } command) return;
        _error = null;
        _done = null;
        _busy = true;
        try
        {
            var photos = TakesPhotos(command) && _photos.Count > 0
                ? await PhonePhotos.PrepareAsync(Photos, _photos, PhotoLimits.Value, L, CancellationToken.None)
                : null;
            if (photos?.Refusal is { } refusal)
            {
                _error = refusal;
                return;
            }
            // The version shown travels with the command: a case changed meanwhile is refused, not overwritten.
            var enclosures = photos?.Batch is { } batch ? new CaseEnclosures(batch.Photos) : CaseEnclosures.None;
            var request = RequestFor(command, enclosures.Photos.Count > 0 ? enclosures.PhotoIds : null) with { ExpectedVersion = shown.Version };
            await Cases.ExecuteAsync(Id, request, _post, enclosures);
            Close();
            _done = command;
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

    private CaseCommandRequest RequestFor(CaseCommand command, IReadOnlyList<Guid>? photos) => command switch
    {
        CaseCommand.Sign => new SignCase(),
        CaseCommand.Return => new ReturnCase(_reason!.Value, _text),
        CaseCommand.AddProgress => new AddProgress(_text ?? "", photos),
        CaseCommand.ReportDone => new ReportDone(_text ?? "", photos),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "The phone has no form for this command."),
    };

    private void Close()
    {
        _open = null;
        _reason = null;
        _text = null;
        _photos = [];
        _error = null;
    }

    private bool CanSend(CaseCommand command) => command switch
    {
        CaseCommand.Return => _reason is not null,
        _ => !string.IsNullOrWhiteSpace(_text),
    };

    private static bool TakesPhotos(CaseCommand command) => command is CaseCommand.AddProgress or CaseCommand.ReportDone;

    private static Color ColorOf(CaseCommand command) => command switch
    {
        CaseCommand.Return => Color.Warning,
        CaseCommand.ReportDone => Color.Success,
        _ => Color.Primary,
    };

    private static DateTime? Deadline(CaseDetail c) => HandlerTask.DeadlineOf(c.State, c.Deadlines.SignDeadlineUtc, c.Deadlines.HandlingDeadlineUtc);

    /// <summary>Always masked here (DESIGN §9): the phone is no place to reveal who reported.</summary>
    private static string Reporter(CaseDetail c) =>
        string.Join(" · ", new[] { c.Reporter.Name, c.Reporter.Phone }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } text ? text : "—";

    private static IEnumerable<TimelineEntry> PhotoEvents(CaseDetail c) => c.Timeline.Where(e => PhotoPaths(e).Any());

    /// <summary>Only photos this system stored, at their own address: an older database may hold anything else, which is not shown.</summary>
    private static IEnumerable<string> PhotoPaths(TimelineEntry entry) =>
        entry.Attachments.Select(a => a.PhotoId).OfType<Guid>().Select(Attachment.PhotoPath);

    public void Dispose() => _live?.Dispose();
}
