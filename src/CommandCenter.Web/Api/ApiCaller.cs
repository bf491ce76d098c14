using System.Reflection;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;

namespace CommandCenter.Web.Api;

/// <summary>
/// The post behind an API call (a signed-in browser or a bearer token), bound as an endpoint
/// parameter. Every endpoint that takes one also requires a policy, so a caller is always signed in.
/// </summary>
public sealed record ApiCaller(Post Post)
{
    public static ValueTask<ApiCaller?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var directory = http.RequestServices.GetRequiredService<OrganisationDirectory>();
        var post = PostClaims.PostOf(http.User, directory, ActSource.Api)
            ?? throw new InvalidOperationException("An endpoint that takes the caller must require a policy.");
        return ValueTask.FromResult<ApiCaller?>(new ApiCaller(post));
    }
}
