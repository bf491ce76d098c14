using CommandCenter.Domain.Access;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// The administrator keeps the two-level taxonomy: adds a group or an item, renames it, sets its default level
/// and urgency, retires it or brings it back. Nothing is deleted: a retired category keeps its old cases.
/// </summary>
public sealed class CategoryAdministration(UnitOfWork unitOfWork, OrganisationDirectory directory, DirectoryChanges changes, TimeProvider clock)
{
    /// <summary>
    /// Adds the category <paramref name="code"/> or changes it. An item needs its group; retiring a group retires its
    /// items with it, and an item is not brought back under a retired group. 422 naming the field otherwise.
    /// </summary>
    public Task<Category> SaveAsync(string code, CategoryInput input, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var category = Category.New(code, input.Name, input.NameEn,
                RequestField.Required(input.DefaultLevel, "defaultLevel"), RequestField.Required(input.DefaultUrgency, "defaultUrgency"),
                RequestField.Required(input.Active, "active"));
            if (category.ParentCode is { } parentCode)
            {
                var parent = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Code == parentCode, cancellationToken)
                    ?? throw new UnknownReferenceException("code", parentCode);
                if (category.IsActive && !parent.IsActive)
                    throw new DomainValidationException("CategoryGroupRetired", $"Group {parentCode} is retired; bring it back first.", "active");
            }
            var stored = await db.Categories.SingleOrDefaultAsync(c => c.Code == category.Code, cancellationToken);
            if (stored is null) db.Categories.Add(category);
            else db.Entry(stored).CurrentValues.SetValues(category);
            if (!category.IsItem && !category.IsActive)
                foreach (var item in await db.Categories.Where(c => c.ParentCode == category.Code && c.IsActive).ToListAsync(cancellationToken))
                    db.Entry(item).Property(c => c.IsActive).CurrentValue = false;
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.CategorySaved, clock.GetUtcNow().UtcDateTime,
                detail: $"{category.Code} {category.Name} ({category.DefaultLevel}, {category.DefaultUrgency}{(category.IsActive ? "" : ", retired")}){(stored is null ? ", new" : "")}"));
            return category;
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>Every category, groups each followed by their items, retired ones included.</summary>
    public IReadOnlyList<Category> List() => [.. directory.Categories.OrderBy(c => c.Code, StringComparer.Ordinal)];
}

/// <summary>A category as the administrator writes it; its code is the address.</summary>
public sealed record CategoryInput(string? Name, string? NameEn, HandlingLevel? DefaultLevel, Urgency? DefaultUrgency, bool? Active);
