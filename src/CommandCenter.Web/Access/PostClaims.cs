using System.Globalization;
using System.Security.Claims;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;

namespace CommandCenter.Web.Access;

/// <summary>
/// The few claims a sign-in carries — which staff member and which of their posts, or which display token — and the
/// way back from them to a <see cref="Post"/>. Role and scope are looked up from the directory
/// on every request, so a changed staff record takes effect without signing in again.
/// </summary>
public static class PostClaims
{
    public const string StaffId = "cc:staff";
    /// <summary>The post (<see cref="StaffPost.Number"/>) a person with several chose to act in; absent, their first.</summary>
    public const string PostNumber = "cc:post";
    public const string TokenId = "cc:token";
    public const string DisplayCommunity = "cc:display-community";
    public const string DisplayStreet = "cc:display-street";
    public const string DisplayName = "cc:display-name";

    public static Post? PostOf(ClaimsPrincipal user, OrganisationDirectory directory, ActSource source)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (Int(user, StaffId) is { } staffId)
            // An inactive staff member holds no post: their sign-in and tokens open nothing from their next request.
            return directory.StaffMember(new Domain.Organisation.StaffId(staffId)) is { IsActive: true } staff ? directory.PostOf(staff, source, Int(user, PostNumber)) : null;
        if (Int(user, TokenId) is { } tokenId)
        {
            CommunityId? community = Int(user, DisplayCommunity) is { } c ? new CommunityId(c) : null;
            // A community display's street is its community's, so a sign-in from before tokens had streets keeps its street.
            StreetId? street = Int(user, DisplayStreet) is { } s ? new StreetId(s) : community is { } id ? directory.Community(id)?.StreetId : null;
            return Post.Display(tokenId, user.FindFirstValue(DisplayName) ?? "display", street, community);
        }
        return null;
    }

    public static int? Int(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static Claim Of(string type, int value) => new(type, value.ToString(CultureInfo.InvariantCulture));
}
