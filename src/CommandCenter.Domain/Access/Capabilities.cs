namespace CommandCenter.Domain.Access;

/// <summary>The table of DESIGN §9: which post may use what, apart from commands on a case.</summary>
public static class Capabilities
{
    private static readonly AccessRole[] Staff = [.. AccessRoles.Staff];

    private static readonly AccessRole[] Holders =
    [
        AccessRole.CommunityStaff, AccessRole.GridWorker, AccessRole.DepartmentLiaison, AccessRole.PropertyStaff, AccessRole.MicroGridMember,
        AccessRole.BuildingHead,
    ];

    private static readonly Dictionary<Capability, AccessRole[]> Table = new()
    {
        [Capability.ViewWall] = [.. Staff, AccessRole.Display],
        [Capability.ViewCases] = Staff,
        [Capability.ReportCases] = [.. Staff, AccessRole.Resident],
        [Capability.HandleTasks] = Holders,
        [Capability.ViewDepartmentTickets] = [AccessRole.Administrator, AccessRole.Dispatcher, AccessRole.DepartmentLiaison],
        [Capability.PrintPosters] = [AccessRole.Administrator, AccessRole.Dispatcher, AccessRole.CommunityStaff],
        // Those who call or visit the reporter; leaders and departments work from the masked record.
        [Capability.RevealPersonalData] =
            [AccessRole.Administrator, AccessRole.Dispatcher, AccessRole.CommunityStaff, AccessRole.GridWorker, AccessRole.PropertyStaff, AccessRole.MicroGridMember,
             AccessRole.BuildingHead],
        [Capability.AdministerPolicies] = [AccessRole.Administrator],
        [Capability.ManageDisplayTokens] = [AccessRole.Administrator],
        [Capability.ViewAudit] = [AccessRole.Administrator],
        [Capability.AdministerPeople] = [AccessRole.Administrator],
        [Capability.AdministerOrganisation] = [AccessRole.Administrator],
        // Those who judge the street's units; the figures are still of the cases the post may see.
        [Capability.ViewAssessment] = [AccessRole.Administrator, AccessRole.StreetLeader, AccessRole.Dispatcher],
        // The street announces its 红黑榜 through its leader.
        [Capability.PublishHonourRoll] = [AccessRole.StreetLeader],
        [Capability.ViewCredit] = [AccessRole.Administrator, AccessRole.StreetLeader, AccessRole.Dispatcher, AccessRole.PropertyStaff],
        // The street's staff keep the ledgers (seed 004: 诚信台账); a company appeals, and a street leader, not the clerk who recorded the item, decides.
        [Capability.ManageCredit] = [AccessRole.StreetLeader, AccessRole.Dispatcher],
        [Capability.AppealCredit] = [AccessRole.PropertyStaff],
        [Capability.DecideCreditAppeal] = [AccessRole.StreetLeader],
        // A department has no courtyards; its liaisons work from the cases they are sent.
        [Capability.ViewArchive] =
            [AccessRole.Administrator, AccessRole.StreetLeader, AccessRole.Dispatcher, AccessRole.CommunityStaff, AccessRole.GridWorker, AccessRole.PropertyStaff, AccessRole.MicroGridMember],
        // Those who visit and care for residents; property staff and micro-grid volunteers see homes and owners without tags.
        [Capability.SearchResidentsByTag] = [AccessRole.Administrator, AccessRole.StreetLeader, AccessRole.Dispatcher, AccessRole.CommunityStaff, AccessRole.GridWorker],
        // The community keeps the resident book and its grid workers correct it on their rounds (seed 001).
        [Capability.KeepResidentBook] = [AccessRole.Administrator, AccessRole.CommunityStaff, AccessRole.GridWorker],
        // Owners come from the registry's and the property company's lists; the community and the company correct them.
        [Capability.KeepOwnerRegister] = [AccessRole.Administrator, AccessRole.CommunityStaff, AccessRole.PropertyStaff],
    };

    public static bool Allow(AccessRole role, Capability capability) =>
        role == AccessRole.System || Table.TryGetValue(capability, out var roles) && roles.Contains(role);
}
