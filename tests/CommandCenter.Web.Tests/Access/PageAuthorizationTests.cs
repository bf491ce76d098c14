using System.Reflection;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Tests.Access;

/// <summary>
/// Every routable page says who may open it. A new page without a row here fails, so a page
/// is never public by accident. (What each policy admits is tested per post in the matrix tests.)
/// </summary>
public sealed class PageAuthorizationTests
{
    private const string Anyone = "anonymous";
    /// <summary>Any signed-in person, whatever their post: their own password.</summary>
    private const string SignedIn = "signed in";

    private static readonly Dictionary<string, string> Pages = new()
    {
        ["/"] = Policies.ViewCases,
        ["/cases/{Id:guid}"] = Policies.ViewWall,
        ["/intake"] = Policies.ReportCases,
        ["/liaison"] = Policies.ViewDepartmentTickets,
        ["/m"] = Policies.HandleTasks,
        ["/m/tasks/{Id:guid}"] = Policies.HandleTasks,
        ["/m/report"] = Policies.ReportCases,
        ["/m/round"] = Policies.KeepResidentBook,
        ["/m/round/courtyards/{CourtyardId:int}/buildings/{BuildingId:int}"] = Policies.KeepResidentBook,
        ["/m/round/homes/{Id:int}"] = Policies.KeepResidentBook,
        ["/wall"] = Policies.ViewWall,
        ["/posters/community/{Id:int}"] = Policies.PrintPosters,
        ["/posters/courtyard/{Id:int}"] = Policies.PrintPosters,
        ["/admin/policies"] = Policies.AdministerPolicies,
        ["/admin/scoring"] = Policies.AdministerPolicies,
        ["/admin/decisions"] = Policies.AdministerPolicies,
        ["/admin/notices"] = Policies.AdministerPolicies,
        ["/admin/calendar"] = Policies.AdministerPolicies,
        ["/admin/routing"] = Policies.AdministerPolicies,
        ["/admin/tokens"] = Policies.ManageDisplayTokens,
        ["/admin/people"] = Policies.AdministerPeople,
        ["/admin/accounts"] = Policies.AdministerPeople,
        ["/admin/units"] = Policies.AdministerOrganisation,
        ["/admin/categories"] = Policies.AdministerOrganisation,
        ["/admin/places"] = Policies.AdministerOrganisation,
        ["/admin/import"] = Policies.AdministerOrganisation,
        ["/archive/courtyards/{Id:int}"] = Policies.ViewArchive,
        ["/archive/homes/{Id:int}"] = Policies.ViewArchive,
        ["/archive/people"] = Policies.SearchResidentsByTag,
        ["/archive/import"] = Policies.ViewArchive,
        ["/archive/round"] = Policies.ViewArchive,
        ["/admin/audit"] = Policies.ViewAudit,
        ["/assessment"] = Policies.ViewAssessment,
        ["/credit"] = Policies.ViewCredit,
        ["/credit/{Id:int}"] = Policies.ViewCredit,
        ["/credit/inspections"] = Policies.ManageCredit,
        ["/credit/committees"] = Policies.ViewCredit,
        ["/credit/bands"] = Policies.ViewCredit,
        ["/credit/published"] = Anyone,
        ["/assessment/cases"] = Policies.ViewAssessment,
        ["/assessment/report"] = Policies.ViewAssessment,
        ["/r/{Code}"] = Anyone,
        ["/t/{Code}"] = Anyone,
        ["/public/honour-roll"] = Anyone,
        ["/account/login"] = Anyone,
        ["/account/denied"] = Anyone,
        ["/account/password"] = SignedIn,
        ["/setup"] = Anyone,
        ["/not-found"] = Anyone,
    };

    [Fact]
    public void EveryPage_RequiresItsPolicy_OrIsPublicOnPurpose()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .ToDictionary(t => t.GetCustomAttributes<RouteAttribute>().First().Template, Decision);

        Assert.Equal(Pages.OrderBy(p => p.Key), pages.OrderBy(p => p.Key));
    }

    private static string Decision(Type page) =>
        page.GetCustomAttribute<AllowAnonymousAttribute>() is not null ? Anyone
        : page.GetCustomAttribute<AuthorizeAttribute>() is { } authorize ? authorize.Policy ?? SignedIn : "no decision";
}
