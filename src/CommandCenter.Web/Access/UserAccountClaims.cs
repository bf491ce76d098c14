using System.Security.Claims;
using CommandCenter.Infrastructure.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Access;

/// <summary>Adds the staff member a sign-in belongs to and the post they last chose; the post is looked up from them on each request.</summary>
internal sealed class UserAccountClaims(UserManager<UserAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(PostClaims.Of(PostClaims.StaffId, user.StaffId.Value));
        if (user.PostNumber is { } post) identity.AddClaim(PostClaims.Of(PostClaims.PostNumber, post));
        return identity;
    }
}
