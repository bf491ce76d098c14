namespace CommandCenter.Domain.Access;

/// <summary>What a post may use apart from commands on one case; pages, API groups and hub groups ask for one of these.</summary>
public enum Capability
{
    /// <summary>The wall and the live hub, read-only.</summary>
    ViewWall,
    /// <summary>Queues, case detail and search in the console.</summary>
    ViewCases,
    /// <summary>Take a report in: the console's intake, the phone's 随手拍, the API.</summary>
    ReportCases,
    /// <summary>The phone workspace of people who hold tasks.</summary>
    HandleTasks,
    /// <summary>A department's tickets and cross-agency parts.</summary>
    ViewDepartmentTickets,
    /// <summary>Courtyard QR codes and posters.</summary>
    PrintPosters,
    /// <summary>Show one reporter's unmasked name and phone; every use is logged.</summary>
    RevealPersonalData,
    /// <summary>Deadline policies, the working calendar, routing, and who decides.</summary>
    AdministerPolicies,
    /// <summary>Create and revoke display tokens.</summary>
    ManageDisplayTokens,
    /// <summary>Read the audit log.</summary>
    ViewAudit,
    /// <summary>Adds staff and gives them sign-ins.</summary>
    AdministerPeople,
    /// <summary>Places, units and the courtyards they serve from which day, and the categories.</summary>
    AdministerOrganisation,
    /// <summary>一网评效: the indicators of the street, its communities and its units over a period.</summary>
    ViewAssessment,
    /// <summary>Publish a month's 红黑榜, which then never changes.</summary>
    PublishHonourRoll,
    /// <summary>The property companies' credit ledgers and owners' committees' stars; a company's staff see their own company's.</summary>
    ViewCredit,
    /// <summary>Record credit items and inspection scores, run the automatic items, publish the list, rate committees.</summary>
    ManageCredit,
    /// <summary>File an appeal (异议) against an item of the post's own company.</summary>
    AppealCredit,
    /// <summary>Uphold or reject a company's appeal against a credit item.</summary>
    DecideCreditAppeal,
    /// <summary>数字院落: the courtyards' buildings, homes, owners and residents within the post's scope, personal numbers masked.</summary>
    ViewArchive,
    /// <summary>Residents' tags (低保, elderly living alone, …) and the search of people by tag within the scope.</summary>
    SearchResidentsByTag,
    /// <summary>Add residents to homes, correct their household, relation and tags, and take them out of the book (moved, deceased).</summary>
    KeepResidentBook,
    /// <summary>Record who owns a home: co-owners and their representative.</summary>
    KeepOwnerRegister,
}
