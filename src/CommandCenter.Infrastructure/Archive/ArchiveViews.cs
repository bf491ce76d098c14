using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// 一本账: one courtyard's archive as a post in its scope sees it. <see cref="TagCounts"/> is null for a post that may not see tags;
/// <see cref="VisitedThisQuarter"/> counts the homes the round confirmed this <see cref="Quarter"/>. <see cref="Members"/> are the people of
/// the courtyard's bodies the post may see (<see cref="CourtyardListRights.Sees"/>), <see cref="Facilities"/> its equipment.
/// </summary>
public sealed record CourtyardArchiveView(
    CourtyardId CourtyardId, string Name, CourtyardKind Kind, string Community, string? PropertyCompany,
    int Homes, IReadOnlyDictionary<HomeUse, int> HomesByUse, decimal ExclusiveArea, int OwnerHeadCount, int Residents,
    IReadOnlyDictionary<ResidentTags, int>? TagCounts, IReadOnlyList<BuildingRow> Buildings, CourtyardCaseFigures Cases,
    Quarter Quarter, int VisitedThisQuarter, IReadOnlyList<MemberRow> Members, IReadOnlyList<FacilityRow> Facilities)
{
    public double VisitedShare => RoundShare.Of(VisitedThisQuarter, Homes);
}

public sealed record BuildingRow(BuildingId Id, string Name, int Homes, int Residents);

/// <summary>The courtyard's cases the post may see: all, still open, and in the last 30 days.</summary>
public sealed record CourtyardCaseFigures(int Total, int Open, int Last30Days);

/// <summary>A search of current residents by one tag, within the post's scope and optionally one community or courtyard.</summary>
public sealed record PeopleQuery(ResidentTags? Tag, CommunityId? CommunityId = null, CourtyardId? CourtyardId = null, int Page = 0, int PageSize = 50)
{
    public const int MaxPageSize = 200;
}

/// <summary>A resident as lists show them: numbers masked.</summary>
public sealed record PersonRow(ResidentId Id, string Name, CourtyardId CourtyardId, string Courtyard, string UnitNumber, Relation Relation,
    ResidentTags Tags, string? IdNumber, string? Phone);

/// <summary>One resident's numbers in full, shown once and audited.</summary>
public sealed record RevealedNumbers(string? IdNumber, string? Phone);

/// <summary>A home with its title, the owners who held it before (latest first) and its current residents; <see cref="HomeResidentRow.Tags"/> null for a post that may not see tags.</summary>
/// <see cref="VisitedAtUtc"/> is the round's last visit (<see cref="Quarter"/>).
public sealed record HomeView(HomeId Id, CourtyardId CourtyardId, string Courtyard, BuildingId? BuildingId, string UnitNumber, decimal ExclusiveArea, AreaSource AreaSource, HomeUse Use,
    ArchiveSource Source, DateTime ConfirmedAtUtc, DateTime? VisitedAtUtc, IReadOnlyList<TitleRow> Owners, IReadOnlyList<FormerOwnerRow> FormerOwners, IReadOnlyList<HomeResidentRow> Residents)
{
    /// <summary>The latest cases shown with a home; the case search finds the rest.</summary>
    public const int MaxCases = 20;

    public string? Building { get; init; }
    /// <summary>Who lived here and left the book (moved away, deceased), latest first: kept, so the home's history is.</summary>
    public IReadOnlyList<FormerResidentRow> FormerResidents { get; init; } = [];
    /// <summary>The latest cases the post may see from the home's building (or its courtyard, for a home without one).</summary>
    public IReadOnlyList<HomeCaseRow> Cases { get; init; } = [];
}

/// <summary>A resident who left the book, with the days and why; no numbers.</summary>
public sealed record FormerResidentRow(ResidentId Id, string Name, Relation Relation, DateOnly? MovedInOn, DateOnly? MovedOutOn, RemovalReason Removal);

/// <summary>A case reported from a home's building.</summary>
public sealed record HomeCaseRow(Guid Id, string Number, string CategoryCode, Domain.Cases.CaseState State, DateTime ReportedAtUtc, string Description);

/// <summary>An owner on a home's current title, numbers masked.</summary>
public sealed record TitleRow(OwnerId Id, string Name, OwnerKind Kind, bool Representative, decimal? Share, DateOnly? Since, string? IdNumber, string? Phone);

/// <summary>An owner who held a home's title, from when (if known) until when, and how it passed on.</summary>
public sealed record FormerOwnerRow(OwnerId Id, string Name, OwnerKind Kind, DateOnly? Since, DateOnly Until, TitleChange Change);

/// <summary>A current resident of a home, numbers masked.</summary>
public sealed record HomeResidentRow(ResidentId Id, string Name, int Household, Relation Relation, ResidentTags? Tags, DateOnly? MovedInOn, string? IdNumber, string? Phone);
