using CommandCenter.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace CommandCenter.Web.Access;

/// <summary>
/// One authorization policy per <see cref="Capability"/>, decided by <see cref="Capabilities"/>:
/// pages, API endpoints and the hub name these, and none re-states who may.
/// </summary>
public static class Policies
{
    public const string ViewWall = nameof(Capability.ViewWall);
    public const string ViewCases = nameof(Capability.ViewCases);
    public const string ReportCases = nameof(Capability.ReportCases);
    public const string HandleTasks = nameof(Capability.HandleTasks);
    public const string ViewDepartmentTickets = nameof(Capability.ViewDepartmentTickets);
    public const string PrintPosters = nameof(Capability.PrintPosters);
    public const string RevealPersonalData = nameof(Capability.RevealPersonalData);
    public const string AdministerPolicies = nameof(Capability.AdministerPolicies);
    public const string ManageDisplayTokens = nameof(Capability.ManageDisplayTokens);
    public const string ViewAudit = nameof(Capability.ViewAudit);
    public const string AdministerPeople = nameof(Capability.AdministerPeople);
    public const string AdministerOrganisation = nameof(Capability.AdministerOrganisation);
    public const string ViewAssessment = nameof(Capability.ViewAssessment);
    public const string PublishHonourRoll = nameof(Capability.PublishHonourRoll);
    public const string ViewCredit = nameof(Capability.ViewCredit);
    public const string ManageCredit = nameof(Capability.ManageCredit);
    public const string AppealCredit = nameof(Capability.AppealCredit);
    public const string DecideCreditAppeal = nameof(Capability.DecideCreditAppeal);
    public const string ViewArchive = nameof(Capability.ViewArchive);
    public const string SearchResidentsByTag = nameof(Capability.SearchResidentsByTag);
    public const string KeepResidentBook = nameof(Capability.KeepResidentBook);
    public const string KeepOwnerRegister = nameof(Capability.KeepOwnerRegister);

    public static void Add(AuthorizationOptions options)
    {
        foreach (var capability in Enum.GetValues<Capability>())
            options.AddPolicy(capability.ToString(), policy => policy.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(capability)));
    }
}

public sealed record CapabilityRequirement(Capability Capability) : IAuthorizationRequirement;

/// <summary>
/// Asks the post, built from the sign-in's claims, whether it has the capability; none while a reset
/// password waits to be changed (an open circuit is not stopped by <see cref="PasswordChangeGate"/>).
/// </summary>
internal sealed class CapabilityHandler(Infrastructure.Organisation.OrganisationDirectory directory) : AuthorizationHandler<CapabilityRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if (PostClaims.PostOf(context.User, directory, ActSource.Console) is { } post && post.Can(requirement.Capability)
            && !(post.StaffId is { } staffId && directory.PasswordChangeDue(staffId)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
