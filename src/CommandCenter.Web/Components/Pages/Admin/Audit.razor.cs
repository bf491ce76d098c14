using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// The audit log, newest first, one page at a time from the server: who did what, in which post
/// and through which source, filtered by actor, the post of a person with several it was done as, unit, case, source and
/// China-time dates. A link may name the person and post (<c>?staffId=&amp;post=</c>); a bad pair is said in a sentence.
/// </summary>
public sealed partial class Audit
{
    /// <summary>Every source an act can come through, so each of the log's values can be picked.</summary>
    private static readonly IReadOnlyList<ActSource> Sources = Enum.GetValues<ActSource>();
    private static readonly int[] PageSizes = [25, 50, 100, AuditQuery.MaxPageSize];

    private MudTable<AuditRow> _table = null!;
    private string? _actor;
    private UnitId? _unitId;
    private string? _caseNumber;
    private Guid? _caseId;
    private ActSource? _source;
    private StaffId? _staffId;
    private int? _postNumber;
    private string? _refusal;
    private DateTime? _from;
    private DateTime? _to;

    [SupplyParameterFromQuery(Name = "staffId")] public int? StaffIdParameter { get; set; }
    [SupplyParameterFromQuery(Name = "post")] public int? PostParameter { get; set; }

    [Inject] public required AuditLog Log { get; init; }
    [Inject] public required CaseQueries Cases { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }

    /// <summary>A number typed that names no case: the log shows nothing rather than everything.</summary>
    private bool UnknownCase => !string.IsNullOrEmpty(_caseNumber) && _caseId is null;

    protected override void OnParametersSet()
    {
        _staffId = StaffIdParameter is { } staff ? new StaffId(staff) : null;
        _postNumber = PostParameter;
    }

    /// <summary>
    /// The posts the filter offers: every post, ended ones too, of each person who has held more than one — a person with
    /// one post is found by their name.
    /// </summary>
    private IEnumerable<PersonsPost> PostChoices =>
        Directory.Staff.Where(s => s.Posts.Count > 1).OrderBy(s => s.Id.Value)
            .SelectMany(s => s.Posts.OrderBy(p => p.Number).Select(p => new PersonsPost(s.Id, p.Number)));

    private PersonsPost? ChosenPost => _staffId is { } staff && _postNumber is { } number ? new PersonsPost(staff, number) : null;

    private async Task<TableData<AuditRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        if (UnknownCase) return new TableData<AuditRow> { Items = [], TotalItems = 0 };
        try
        {
            var page = await Log.QueryWithCaseNumbersAsync(QueryFor(state), cancellationToken);
            SetRefusal(null);
            return new TableData<AuditRow> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            SetRefusal(message);
            return new TableData<AuditRow> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>The sentence sits above the table, which the table's own load does not render again.</summary>
    private void SetRefusal(string? message)
    {
        if (_refusal == message) return;
        _refusal = message;
        StateHasChanged();
    }

    /// <summary>The filters as the log asks for them: dates are whole China-time days, the "to" day included.</summary>
    private AuditQuery QueryFor(TableState state) => new()
    {
        Actor = _actor,
        StaffId = _staffId,
        PostNumber = _postNumber,
        UnitId = _unitId,
        CaseId = _caseId,
        Source = _source,
        FromUtc = _from is { } from ? ChinaTimeText.ToUtc(from, TimeSpan.Zero) : null,
        ToUtc = _to is { } to ? ChinaTimeText.ToUtc(to.AddDays(1), TimeSpan.Zero) : null,
        Page = state.Page,
        PageSize = state.PageSize,
    };

    private async Task CaseNumberChangedAsync(string? number)
    {
        _caseNumber = number?.Trim();
        _caseId = string.IsNullOrEmpty(_caseNumber) ? null : await Cases.FindByNumberAsync(Actor.Post, _caseNumber);
        await _table.ReloadServerData();
    }

    private async Task FilterAsync(Action change)
    {
        change();
        await _table.ReloadServerData();
    }

    /// <summary>Case commands are named as on a case's timeline; the log's own acts have their own names.</summary>
    private string ActionText(string action) =>
        Enum.TryParse<CaseEventType>(action, out var type) ? L.Enum(type) : L.Or($"AuditAction.{action}", action);

    private string SourceText(ActSource? source) => source is { } value ? L.Enum(value) : "";

    private Task PostChosenAsync(PersonsPost? post) => FilterAsync(() => (_staffId, _postNumber) = (post?.StaffId, post?.Number));

    /// <summary>A person's post as colleagues name it, beside the person; an ended one says so.</summary>
    private string PostText(PersonsPost? post) =>
        post is { } p && Directory.StaffMember(p.StaffId) is { } staff && staff.PostNumbered(p.Number) is { } held
            ? L[held.IsCurrent ? "Audit.PostOf" : "Audit.EndedPostOf", staff.Name, PostLabels.Of(held, Directory, L)]
            : "";

    /// <summary>
    /// The post an act was done as: its name when the person's post of that number is still the role recorded (a first post
    /// can be changed since), else the role recorded and the post's number.
    /// </summary>
    private string RoleText(AuditRecord entry) =>
        entry is { StaffId: { } staff, PostNumber: { } number } && Directory.StaffMember(staff)?.PostNumbered(number) is { } post && post.Role == entry.ActorRole
            ? PostLabels.Of(post, Directory, L)
            : entry.PostNumber is { } n ? $"{L.Enum(entry.ActorRole)} · {L["Audit.PostNumber", n]}" : L.Enum(entry.ActorRole);
}
