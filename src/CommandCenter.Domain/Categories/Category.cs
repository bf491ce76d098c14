using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Categories;

/// <summary>
/// Two-level taxonomy: a top-level group (code of two digits, no parent) and its
/// items (four digits, the first two being the parent's). Cases carry an item code.
/// </summary>
public sealed class Category
{
    public const int MaxNameLength = 64;

    public required string Code { get; init; }
    public string? ParentCode { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    /// <summary>The level a case of this category is normally handled at when it is accepted.</summary>
    public HandlingLevel DefaultLevel { get; init; } = HandlingLevel.Courtyard;
    /// <summary>The urgency a new report of this category starts with; the one taking it in may change it.</summary>
    public Urgency DefaultUrgency { get; init; } = Urgency.Normal;
    /// <summary>A retired category is offered for no new report; its old cases keep it, and their figures.</summary>
    public bool IsActive { get; init; } = true;

    public bool IsItem => ParentCode is not null;

    /// <summary>Whether a new report may be filed under it: an item, not retired.</summary>
    public bool IsOffered => IsItem && IsActive;

    /// <summary>
    /// A category as the administrator writes it, checked: two digits for a group, four for an item whose first
    /// two are its group's; a Chinese and an English name. Whether the group exists is the caller's to check.
    /// </summary>
    public static Category New(string? code, string? name, string? nameEn, HandlingLevel level, Urgency urgency, bool active)
    {
        var checkedCode = code?.Trim() ?? "";
        if (checkedCode.Length is not (2 or 4) || !checkedCode.All(char.IsAsciiDigit))
            throw new DomainValidationException("InvalidCategoryCode", $"'{code}' is neither a group code (two digits) nor an item code (four digits).", "code");
        return new Category
        {
            Code = checkedCode, ParentCode = checkedCode.Length == 4 ? checkedCode[..2] : null,
            Name = PlainText.Required(name, "name", MaxNameLength), NameEn = PlainText.Required(nameEn, "nameEn", MaxNameLength),
            DefaultLevel = KnownValue.Of(level, "defaultLevel"), DefaultUrgency = KnownValue.Of(urgency, "defaultUrgency"), IsActive = active,
        };
    }
}
