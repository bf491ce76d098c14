using CommandCenter.Domain.Access;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// One stored row of the street's table of who decides: a decision and the posts that take it. Every
/// save rewrites all rows at the table's next revision, so the revision is the table's, not the row's.
/// </summary>
public sealed class DecisionGrant
{
    public required Decision Decision { get; init; }
    /// <summary>The posts' role names, comma-separated, in the order of <see cref="AccessRole"/>.</summary>
    public required string Roles { get; set; }
    public required int Revision { get; set; }

    public IEnumerable<AccessRole> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<AccessRole>);

    public static string Join(IEnumerable<AccessRole> roles) => string.Join(',', roles);
}
