using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Archive;

/// <summary>
/// A person living in a home, in one household of it. Leaving (moved away, deceased) ends the stay
/// with its day and reason; the record stays, so the history of the home is kept.
/// </summary>
public sealed class Resident : ArchivePerson
{
    public const int MaxNameLength = 40;
    /// <summary>More households than one home lets rooms to is a typo.</summary>
    public const int MaxHousehold = 20;

    private Resident() { }

    public ResidentId Id { get; init; }
    public HomeId HomeId { get; private init; }
    /// <summary>Which household of the home (1, 2, … — a home may let rooms to a second household).</summary>
    public int Household { get; private set; }
    public Relation Relation { get; private set; }
    public DateOnly? MovedInOn { get; private set; }
    public DateOnly? MovedOutOn { get; private set; }
    public RemovalReason? Removal { get; private set; }
    public ResidentTags Tags { get; private set; }

    public bool Current => Removal is null;

    public static Resident Record(ResidentId id, HomeId homeId, string? name, int household, Relation relation, DateOnly? movedInOn,
        ResidentTags tags, SealedNumber? idNumber, SealedNumber? phone, ArchiveSource source, DateTime confirmedAtUtc)
    {
        var resident = new Resident
        {
            Id = id, HomeId = homeId, Name = ArchiveNames.Check(name, MaxNameLength, "name"),
            Household = CheckHousehold(household), Relation = KnownValue.Of(relation, "relation"), MovedInOn = movedInOn, Tags = ResidentTagSet.Check(tags),
        };
        resident.SetNumbers(idNumber, phone);
        resident.Confirm(source, confirmedAtUtc);
        return resident;
    }

    /// <summary>A grid worker's or the book's correction of the household, relation, tags and moved-in day of a resident still in the book.</summary>
    public void Change(int household, Relation relation, ResidentTags tags, DateOnly? movedInOn, ArchiveSource source, DateTime atUtc)
    {
        if (!Current) throw new DomainException("ResidentAlreadyRemoved", "The resident has already left the book.");
        (Household, Relation, Tags, MovedInOn) = (CheckHousehold(household), KnownValue.Of(relation, "relation"), ResidentTagSet.Check(tags), movedInOn);
        Confirm(source, atUtc);
    }

    /// <summary>Takes the resident out of the home's current book, keeping the record.</summary>
    public void Remove(RemovalReason reason, DateOnly on, ArchiveSource source, DateTime atUtc)
    {
        if (!Current) throw new DomainException("ResidentAlreadyRemoved", "The resident has already left the book.");
        if (MovedInOn is { } movedIn && on < movedIn)
            throw new DomainValidationException("RemovedBeforeMovingIn", "A resident cannot leave before moving in.", "on");
        Removal = reason;
        MovedOutOn = on;
        Confirm(source, atUtc);
    }

    private static int CheckHousehold(int household) =>
        household is >= 1 and <= MaxHousehold ? household : throw new DomainValidationException("InvalidHousehold", $"A household is numbered from 1 to {MaxHousehold}.", "household");
}
