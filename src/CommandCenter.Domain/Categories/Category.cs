using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Categories;

/// <summary>
/// Two-level taxonomy: a top-level group (code of two digits, no parent) and its
/// items (four digits, the first two being the parent's). Cases carry an item code.
/// </summary>
public sealed class Category
{
    public required string Code { get; init; }
    public string? ParentCode { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    /// <summary>The level a case of this category is normally handled at when it is accepted.</summary>
    public HandlingLevel DefaultLevel { get; init; } = HandlingLevel.Courtyard;

    public bool IsItem => ParentCode is not null;
}
