using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// A decision and its posts as an editor sends them: names, not enum values, so an unknown one is
/// refused by name (422) rather than failing to read.
/// </summary>
public sealed record DecisionRowInput(string? Decision, IReadOnlyList<string>? Roles);

/// <summary>The whole table, sent with the revision the editor saw.</summary>
public sealed record DecisionRightsInput(IReadOnlyList<DecisionRowInput>? Decisions, int? ExpectedRevision);

/// <summary>The table as it stands: a row per decision, and its revision.</summary>
public sealed record DecisionRightsView(int Revision, IReadOnlyList<DecisionRowView> Decisions)
{
    public static DecisionRightsView Of(DecisionRights rights, int revision) =>
        new(revision, [.. rights.Rows.Select(row => new DecisionRowView(row.Key, row.Value))]);
}

public sealed record DecisionRowView(Decision Decision, IReadOnlyList<AccessRole> Roles);

/// <summary>
/// What an administrator changes in who decides: the whole table at once, audited with who changed
/// it in the same transaction, then the table in memory is rebuilt so the next command obeys it.
/// </summary>
public sealed class DecisionRightsAdministration(UnitOfWork unitOfWork, DecisionRightsProvider provider, DirectoryChanges changes, TimeProvider clock)
{
    public DecisionRightsView Current => DecisionRightsView.Of(provider.Rights, provider.Revision);

    public async Task<DecisionRightsView> UpdateAsync(Post by, DecisionRightsInput input, CancellationToken cancellationToken = default)
    {
        var expected = RequestField.Required(input.ExpectedRevision, "expectedRevision");
        var rights = new DecisionRights((input.Decisions ?? []).Select(row => KeyValuePair.Create(
            Parse<Decision>(row.Decision, "decision"), (row.Roles ?? []).Select(role => Parse<AccessRole>(role, "roles")))));
        try
        {
            return await unitOfWork.WriteAsync(async db =>
            {
                var grants = await db.DecisionGrants.ToListAsync(cancellationToken);
                var revision = grants.Count == 0 ? 0 : grants.Max(g => g.Revision);
                if (revision != expected)
                    throw new StaleRecordException($"Who decides (now at revision {revision}, not {expected})");
                foreach (var (decision, roles) in rights.Rows)
                {
                    if (grants.SingleOrDefault(g => g.Decision == decision) is { } grant)
                        (grant.Roles, grant.Revision) = (DecisionGrant.Join(roles), revision + 1);
                    else
                        db.DecisionGrants.Add(new DecisionGrant { Decision = decision, Roles = DecisionGrant.Join(roles), Revision = revision + 1 });
                }
                db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.DecisionRightsUpdated, clock.GetUtcNow().UtcDateTime,
                    detail: $"Who decides, revision {revision + 1}: " + string.Join("; ", rights.Rows.Select(r => $"{r.Key}={DecisionGrant.Join(r.Value)}"))));
                return DecisionRightsView.Of(rights, revision + 1);
            }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleRecordException("Who decides");
        }
    }

    /// <summary>An enum value by its exact name; numbers and unknown names are refused.</summary>
    private static T Parse<T>(string? name, string field) where T : struct, Enum =>
        name is not null && Enum.GetNames<T>().Contains(name, StringComparer.Ordinal)
            ? Enum.Parse<T>(name)
            : throw new DomainValidationException("UnknownValue", $"{field} {name} does not exist.", field);
}
