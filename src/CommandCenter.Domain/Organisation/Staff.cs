using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

/// <summary>
/// A person who works for the street: one phone, one sign-in, and one or more posts (<see cref="StaffPost"/>).
/// They act in one post at a time, the one their session chose; the first current post is the one a sign-in starts in.
/// </summary>
public sealed class Staff
{
    private readonly List<StaffPost> _posts = [];

    public StaffId Id { get; init; }
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    /// <summary>
    /// The street a street-level post (dispatcher, leader, administrator) works for; null for a district-level post, which
    /// sees every street. A community's or grid's post is in its community's street already.
    /// </summary>
    public StreetId? StreetId { get; private set; }
    /// <summary>Someone who left or is away: kept for the cases and figures they are named in, but signs in and acts no more.</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary>Every post the person held or holds, in the order they were given, ended ones included.</summary>
    public IReadOnlyList<StaffPost> Posts => _posts;

    public IEnumerable<StaffPost> CurrentPosts => _posts.Where(p => p.IsCurrent).OrderBy(p => p.Number);

    /// <summary>The first post the person holds: the one a sign-in starts in, and the one lists and figures name them by.</summary>
    public StaffPost MainPost => CurrentPosts.FirstOrDefault() ?? _posts.MaxBy(p => p.Number)!;

    public AccessRole Role => MainPost.Role;
    public UnitId? UnitId => MainPost.UnitId;
    public CommunityId? CommunityId => MainPost.CommunityId;
    public GridId? GridId => MainPost.GridId;

    public const int MaxNameLength = 32;
    /// <summary>More posts than anyone holds at once is a mistake in the roster.</summary>
    public const int MaxCurrentPosts = 8;

    /// <summary>The post numbered <paramref name="number"/>, ended or not: what was done in an ended post keeps its name.</summary>
    public StaffPost? PostNumbered(int number) => _posts.FirstOrDefault(p => p.Number == number);

    /// <summary>One of the person's current posts by its number, or null (unknown, or ended).</summary>
    public StaffPost? CurrentPost(int number) => PostNumbered(number) is { IsCurrent: true } post ? post : null;

    /// <summary>
    /// A new staff member with their first post, checked: a name, a phone the street can call, and the post
    /// (<see cref="StaffPost.New"/>). Whether the unit, community, grid or courtyard exists is the caller's to check.
    /// </summary>
    public static Staff New(StaffId id, string? name, string? phone, AccessRole role, UnitId? unitId, CommunityId? communityId, GridId? gridId,
        bool active = true, CourtyardId? courtyardId = null, StreetId? streetId = null)
    {
        var staff = new Staff { Id = id, StreetId = streetId };
        staff.Describe(name, phone, active);
        staff._posts.Add(StaffPost.New(1, role, unitId, communityId, gridId, courtyardId));
        return staff;
    }

    /// <summary>Changes the name, phone and whether the person is active, and corrects their first current post (<see cref="MainPost"/>).</summary>
    public void Edit(string? name, string? phone, AccessRole role, UnitId? unitId, CommunityId? communityId, GridId? gridId, CourtyardId? courtyardId, bool active)
    {
        PlainText.Required(name, "name", MaxNameLength);
        PhoneNumber.Check(phone, "phone");
        var mainPost = StaffPost.New(MainPost.Number, role, unitId, communityId, gridId, courtyardId);
        if (_posts.Any(p => p.IsCurrent && p.Number != MainPost.Number && p.SameJobAs(mainPost)))
            throw new DomainValidationException("PostHeldTwice", "The person already holds this post.", "role");
        Describe(name, phone, active);
        MainPost.Retitle(mainPost);
    }

    /// <summary>Places the person in a street, or at district level (null), as <see cref="StaffStreet.Decide"/> decided.</summary>
    public void PlaceIn(StreetId? street) => StreetId = street;

    /// <summary>Gives the person one more post, numbered after all they held; the same job twice is refused.</summary>
    public StaffPost AddPost(AccessRole role, UnitId? unitId, CommunityId? communityId, GridId? gridId, CourtyardId? courtyardId)
    {
        var post = StaffPost.New(_posts.Max(p => p.Number) + 1, role, unitId, communityId, gridId, courtyardId);
        if (CurrentPosts.Any(p => p.SameJobAs(post)))
            throw new DomainValidationException("PostHeldTwice", "The person already holds this post.", "role");
        if (CurrentPosts.Count() >= MaxCurrentPosts)
            throw new DomainValidationException("TooManyPosts", $"A person holds at most {MaxCurrentPosts} posts.", "role");
        _posts.Add(post);
        return post;
    }

    /// <summary>
    /// Ends one of the person's posts: it stays on record with its end, so what was done in it keeps its name. The last
    /// current post is not ended — a person who leaves is made inactive instead, and keeps the post they left in.
    /// </summary>
    public StaffPost EndPost(int number, DateTime nowUtc)
    {
        var post = CurrentPost(number) ?? throw new DomainValidationException("UnknownPost", $"The person holds no post {number}.", "post");
        if (CurrentPosts.Count() == 1)
            throw new DomainValidationException("LastPost", "A person keeps at least one post; make them inactive instead.", "post");
        post.End(nowUtc);
        return post;
    }

    private void Describe(string? name, string? phone, bool active)
    {
        var checkedName = PlainText.Required(name, "name", MaxNameLength);
        Phone = PhoneNumber.Check(phone, "phone") ?? throw new DomainValidationException("Required", "phone is required.", "phone");
        (Name, IsActive) = (checkedName, active);
    }
}
