using System.Collections.Frozen;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Access;

/// <summary>
/// Who decides: per <see cref="Decision"/>, the posts that may take it. The administrator edits it;
/// <see cref="CommandRights"/> asks it. Every decision keeps at least one post, and only posts that
/// work cases may hold one: the administrator runs the system, not the cases.
/// </summary>
public sealed class DecisionRights
{
    private readonly FrozenDictionary<Decision, AccessRole[]> _roles;

    /// <summary>Builds a table with a row for every decision; refuses a missing, empty or unknown row and any role that does not work cases.</summary>
    public DecisionRights(IEnumerable<KeyValuePair<Decision, IEnumerable<AccessRole>>> rows)
    {
        var table = new Dictionary<Decision, AccessRole[]>();
        foreach (var (decision, roles) in rows)
        {
            KnownValue.Of(decision, "decision");
            var set = roles.Distinct().Order().ToArray();
            foreach (var role in set)
            {
                KnownValue.Of(role, "roles");
                if (!Decides.Contains(role))
                    throw new DomainValidationException("RoleCannotDecide", $"{role} does not work cases and cannot take the decision {decision}.", "roles");
            }
            if (set.Length == 0)
                throw new DomainValidationException("DecisionWithoutRole", $"The decision {decision} needs at least one post.", "roles");
            if (!table.TryAdd(decision, set))
                throw new DomainValidationException("DuplicateDecision", $"The decision {decision} is given twice.", "decision");
        }
        var missing = Enum.GetValues<Decision>().Where(d => !table.ContainsKey(d)).ToList();
        if (missing.Count > 0)
            throw new DomainValidationException("DecisionMissing", $"The decisions {string.Join(", ", missing)} have no row.", "decision");
        _roles = table.ToFrozenDictionary();
    }

    /// <summary>The posts that may hold a decision: staff who work cases, so never the administrator.</summary>
    public static IReadOnlyList<AccessRole> Decides { get; } = [.. AccessRoles.Staff.Where(r => r != AccessRole.Administrator)];

    /// <summary>
    /// The street's starting table (issue 13): 延期 and escalation requests by the dispatcher, 缓办 by a street
    /// leader, who also resumes or extends one; the desk verifies and records revisits; the dispatcher or a leader escalates by hand.
    /// </summary>
    public static DecisionRights Defaults { get; } = new(new Dictionary<Decision, IEnumerable<AccessRole>>
    {
        [Decision.ApprovePostponement] = [AccessRole.Dispatcher],
        [Decision.ApproveDeferral] = [AccessRole.StreetLeader],
        [Decision.ApproveEscalation] = [AccessRole.Dispatcher],
        [Decision.Verify] = [AccessRole.Dispatcher, AccessRole.CommunityStaff],
        [Decision.RecordRevisit] = [AccessRole.Dispatcher, AccessRole.CommunityStaff],
        [Decision.Escalate] = [AccessRole.Dispatcher, AccessRole.StreetLeader],
        [Decision.DecideClose] = [AccessRole.StreetLeader],
        [Decision.ResumeDeferral] = [AccessRole.StreetLeader],
    });

    /// <summary>Every decision with its posts, in the order of <see cref="Decision"/>.</summary>
    public IReadOnlyList<KeyValuePair<Decision, IReadOnlyList<AccessRole>>> Rows =>
        [.. Enum.GetValues<Decision>().Select(d => KeyValuePair.Create(d, RolesFor(d)))];

    /// <summary>The posts that may take <paramref name="decision"/>, in the order of <see cref="AccessRole"/>.</summary>
    public IReadOnlyList<AccessRole> RolesFor(Decision decision) => _roles[decision];

    public bool Allows(AccessRole role, Decision decision) => _roles[decision].Contains(role);

    /// <summary>The same table with <paramref name="decision"/> given to <paramref name="roles"/>.</summary>
    public DecisionRights With(Decision decision, params AccessRole[] roles) =>
        new(_roles.Select(row => KeyValuePair.Create(row.Key, row.Key == decision ? roles.AsEnumerable() : row.Value)));

    /// <summary>The decision that approving or refusing a request of <paramref name="kind"/> is.</summary>
    public static Decision ApprovalOf(RequestKind kind) => kind switch
    {
        RequestKind.Postponement => Decision.ApprovePostponement,
        RequestKind.Deferral => Decision.ApproveDeferral,
        RequestKind.Escalation => Decision.ApproveEscalation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No decision approves this request."),
    };
}
