using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// The street's staff: found by name, phone or user name; added with their post (and a sign-in if a user
/// name is given); edited — phone, first post, active or not — through the same form, which also gives an edited
/// person one more post or ends one.
/// </summary>
public sealed partial class People
{
    private IReadOnlyList<PersonRow> _people = [];
    private string? _search;
    private StaffId? _editing;
    private PersonForm _form = new();

    [Inject] public required PeopleAdministration Administration { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync() => _people = await Administration.ListAsync(_search, By);

    private Task SearchAsync(string? search)
    {
        _search = search;
        return ReloadAsync();
    }

    private void Edit(PersonRow person)
    {
        _editing = person.Id;
        _form = new PersonForm
        {
            Name = person.Name, Phone = person.Phone, Role = person.Role, UnitId = person.UnitId,
            CommunityId = person.CommunityId, GridId = person.GridId?.Value, Active = person.Active,
            CourtyardId = person.Posts.FirstOrDefault(p => p.EndedAtUtc is null)?.CourtyardId, StreetId = person.StreetId,
        };
    }

    private void Clear()
    {
        _editing = null;
        _form = new PersonForm();
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        var f = _form;
        if (_editing is { } id)
            await Administration.EditAsync(id, new StaffEdit(f.Name, f.Phone, f.Role, f.UnitId, f.CommunityId, f.Grid, f.Active)
                { CourtyardId = f.CourtyardId, StreetId = ChosenStreet }, By);
        else
            await Administration.AddAsync(new NewStaff(f.Name, f.Phone, f.Role, f.UnitId, f.CommunityId, f.Grid, f.UserName, f.Password)
                { CourtyardId = f.CourtyardId, StreetId = ChosenStreet }, By);
        Clear();
    }, ReloadAsync);

    /// <summary>The form's role, unit, community, grid and courtyard as one more post of the person being edited.</summary>
    private Task AddPostAsync() => _editing is not { } id ? Task.CompletedTask : RunAsync(async () =>
    {
        var f = _form;
        await Administration.AddPostAsync(id, new NewPost(f.Role, f.UnitId, f.CommunityId, f.Grid, f.CourtyardId), By);
    }, ReloadAsync);

    private Task EndPostAsync(StaffId id, int number) => RunAsync(() => Administration.EndPostAsync(id, number, By), ReloadAsync);

    /// <summary>Only a district administrator chooses a street; a street's administrator's people are in their own street.</summary>
    private bool ChoosesStreet => By.StreetId is null;

    /// <summary>
    /// The street chosen, sent only for a street- or district-level post: a post in a community takes that community's street,
    /// so a street left over from before the post was changed does not contradict it.
    /// </summary>
    private StreetId? ChosenStreet =>
        ChoosesStreet && _form is { CommunityId: null, Grid: null, CourtyardId: null }
            && (_form.UnitId is not { } unit || Directory.Unit(unit)?.CommunityId is null)
            ? _form.StreetId : null;

    private PersonRow? EditedPerson => _people.FirstOrDefault(p => p.Id == _editing);

    private string PostText(PostRow post) => string.Join(" · ", new[]
    {
        L.Enum(post.Role), Directory.UnitName(post.UnitId),
        post.CourtyardId is { } courtyard ? Directory.CourtyardName(courtyard) : null,
        post.GridId is { } grid ? Directory.Grid(grid)?.Name : null,
        post.UnitId is null && post.CommunityId is { } community ? Directory.CommunityName(community) : null,
    }.OfType<string>());

    private sealed class PersonForm
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public AccessRole Role { get; set; } = AccessRole.Dispatcher;
        public UnitId? UnitId { get; set; }
        public CommunityId? CommunityId { get; set; }
        /// <summary>Typed in as a number, as the grid is known on the roster.</summary>
        public int? GridId { get; set; }
        public GridId? Grid => GridId is { } id ? new GridId(id) : null;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool Active { get; set; } = true;
        public CourtyardId? CourtyardId { get; set; }
        /// <summary>Null: district level (or the post's community's street).</summary>
        public StreetId? StreetId { get; set; }
    }
}
