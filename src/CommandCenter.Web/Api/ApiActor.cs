using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Organisation;

namespace CommandCenter.Web.Api;

/// <summary>
/// Who is calling the API. Until sign-in exists, a caller may name the staff member it
/// acts for in the X-Staff-Id header; otherwise it is an external system.
/// </summary>
internal static class ApiActor
{
    public const string StaffHeader = "X-Staff-Id";
    public const string Source = "Api";

    public static Actor From(HttpContext http, OrganisationDirectory directory) =>
        int.TryParse(http.Request.Headers[StaffHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var staffId)
        && directory.StaffMember(staffId) is { } staff
            ? new Actor(staff.Name, staff.Role.ToString(), staff.UnitId, Source)
            : new Actor("external system", "ExternalSystem", null, Source);
}
