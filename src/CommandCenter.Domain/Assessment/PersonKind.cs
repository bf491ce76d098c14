using CommandCenter.Domain.Access;

namespace CommandCenter.Domain.Assessment;

/// <summary>The people 一网评效 scores: the desk's dispatchers and the grid workers on patrol.</summary>
public enum PersonKind
{
    Dispatcher,
    GridWorker,
}

public static class PersonKinds
{
    /// <summary>A person is judged as what their post is now; other roles (leaders, handlers) are judged through their units.</summary>
    public static PersonKind? Of(AccessRole role) => role switch
    {
        AccessRole.Dispatcher => PersonKind.Dispatcher,
        AccessRole.GridWorker => PersonKind.GridWorker,
        _ => null,
    };

    /// <summary>The figures a kind's table shows, in column order.</summary>
    public static IReadOnlyList<PersonAct> Figures(PersonKind kind) => kind switch
    {
        PersonKind.Dispatcher => [PersonAct.Accepted, PersonAct.Dispatched, PersonAct.DispatchedOnTime, PersonAct.DispatchReturned, PersonAct.Reassigned],
        _ => [PersonAct.Reported, PersonAct.ReportRejected, PersonAct.Verified, PersonAct.VerifiedOnTime],
    };
}
