using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Archive;

/// <summary>The kinds of a courtyard's shared equipment that cases are reported about.</summary>
public enum FacilityKind
{
    Lift,
    FireEquipment,
    Camera,
    Bin,
}

/// <summary>How a facility stands when last confirmed.</summary>
public enum FacilityState
{
    Working,
    Faulty,
    OutOfService,
}

/// <summary>
/// Shared equipment of a courtyard at one place: one lift, or the twelve extinguishers of a building's stairs, with their
/// state. A courtyard's facilities are written as its list (<see cref="List"/>), as the property company keeps it, or one
/// row at a time (<see cref="Of"/>, <see cref="Change"/>, <see cref="Retire"/>). A retired row stays on file, with its history
/// and the cases reported about it, but is no longer on the courtyard's list.
/// </summary>
public sealed class Facility : ArchiveRecord
{
    public const int MaxPlaceLength = 80;
    public const int MaxCount = 10_000;
    /// <summary>More rows than a courtyard's list holds is a typo.</summary>
    public const int MaxListLength = 500;

    private Facility() { }

    public long Id { get; init; }
    public CourtyardId CourtyardId { get; private init; }
    public BuildingId? BuildingId { get; private set; }
    public FacilityKind Kind { get; private set; }
    public int Count { get; private set; }
    /// <summary>Where it is: e.g. 3栋2单元 or 东门.</summary>
    public string Place { get; private set; } = "";
    public FacilityState State { get; private set; }
    /// <summary>When it was taken off the courtyard's list (removed, replaced); none while it is on it.</summary>
    public DateTime? RetiredAtUtc { get; private set; }

    public static IReadOnlyList<Facility> List(CourtyardId courtyardId, IReadOnlyList<FacilityEntry> entries, ArchiveSource source, DateTime confirmedAtUtc)
    {
        if (entries.Count > MaxListLength)
            throw new DomainValidationException("InvalidFacilityList", $"A courtyard's list has at most {MaxListLength} rows.", "facilities");
        return [.. entries.Select(e => Of(courtyardId, e, source, confirmedAtUtc))];
    }

    /// <summary>One row, checked as a row of the list is.</summary>
    public static Facility Of(CourtyardId courtyardId, FacilityEntry entry, ArchiveSource source, DateTime confirmedAtUtc)
    {
        var facility = new Facility { CourtyardId = courtyardId };
        facility.Set(entry, source, confirmedAtUtc);
        return facility;
    }

    /// <summary>The row corrected in full; a retired row is history and is not changed.</summary>
    public void Change(FacilityEntry entry, ArchiveSource source, DateTime confirmedAtUtc)
    {
        OnList("change");
        Set(entry, source, confirmedAtUtc);
    }

    /// <summary>Taken off the list, kept on file.</summary>
    public void Retire(ArchiveSource source, DateTime atUtc)
    {
        OnList("retire");
        RetiredAtUtc = atUtc;
        Confirm(source, atUtc);
    }

    /// <summary>
    /// Why a case reported into <paramref name="courtyardId"/> through <paramref name="channel"/> may not name this facility, or
    /// null when it may: it must be one of that courtyard's, on its list when the report comes in (a retired one keeps the
    /// cases named before), and one a resident may name when a resident reports it.
    /// </summary>
    public DomainValidationException? WhyNotReportedIn(CourtyardId courtyardId, Channel channel) =>
        CourtyardId != courtyardId ? new("FacilityNotInCourtyard", $"Facility {Id} is not in courtyard {courtyardId}.", "facilityId")
        : RetiredAtUtc is not null ? new("ReportedFacilityRetired", $"Facility {Id} is retired; name one on the courtyard's list.", "facilityId")
        : channel == Channel.ResidentQr && !ResidentsMayName(Kind)
            ? new("FacilityNotForResidents", $"Facility {Id} cannot be named in a resident's report.", "facilityId")
        : null;

    /// <summary>Whether residents see and may name a facility of this kind: where the street's cameras stand is not for the public.</summary>
    public static bool ResidentsMayName(FacilityKind kind) => kind != FacilityKind.Camera;

    private void OnList(string command)
    {
        if (RetiredAtUtc is not null) throw new DomainException("FacilityRetired", $"Cannot {command} facility {Id}: it is retired.");
    }

    private void Set(FacilityEntry entry, ArchiveSource source, DateTime confirmedAtUtc)
    {
        var place = entry.Place?.Trim();
        if (string.IsNullOrEmpty(place) || place.Length > MaxPlaceLength || place.Any(char.IsControl))
            throw new DomainValidationException("InvalidPlace", $"A place has 1 to {MaxPlaceLength} printable characters.", "place");
        if (entry.Count is < 1 or > MaxCount)
            throw new DomainValidationException("InvalidFacilityCount", $"A row counts 1 to {MaxCount} pieces.", "count");
        (Kind, State) = (KnownValue.Of(entry.Kind, "kind"), KnownValue.Of(entry.State, "state"));
        (BuildingId, Count, Place) = (entry.BuildingId, entry.Count, place);
        Confirm(source, confirmedAtUtc);
    }
}

/// <summary>One row of a courtyard's facility list as given.</summary>
public sealed record FacilityEntry(FacilityKind Kind, int Count, string? Place, FacilityState State, BuildingId? BuildingId = null);

/// <summary>Who keeps which of a courtyard's lists.</summary>
public static class CourtyardListRights
{
    /// <summary>The property company keeps the equipment it maintains; the community and grid workers, who walk the courtyard, too.</summary>
    public static bool KeepsFacilities(Access.Post post) =>
        post.Can(Access.Capability.KeepOwnerRegister) || post.Can(Access.Capability.KeepResidentBook);

    /// <summary>The committee, the party group and the building heads are the community's to record.</summary>
    public static bool KeepsBodies(Access.Post post) => post.Can(Access.Capability.KeepResidentBook);

    /// <summary>
    /// The party group names party members, which is a resident's tag: shown only to posts that see tags (not property staff).
    /// The committee and building heads are posted in the courtyard, and every post of the archive sees them.
    /// </summary>
    public static bool Sees(Access.Post post, CourtyardBody body) => body != CourtyardBody.PartyGroup || Access.ArchiveScope.SeesTags(post);
}
