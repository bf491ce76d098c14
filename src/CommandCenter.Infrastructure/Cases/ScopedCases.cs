using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;

namespace CommandCenter.Infrastructure.Cases;

public static class ScopedCases
{
    /// <summary>The cases <paramref name="post"/> may see; a district-wide post adds no condition, so the queue's indexes serve it as before.</summary>
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, Post post) =>
        CaseScope.SeesEveryCase(post) ? cases : cases.Where(CaseScope.VisibleTo(post));
}
