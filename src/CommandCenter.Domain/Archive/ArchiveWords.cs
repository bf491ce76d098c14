using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Archive;

/// <summary>
/// The words a resident book (居民台账) writes relations and tags in, as the import template asks for them:
/// part of the file format, so they live here and not in the screens' resources. The value's own name is taken too.
/// </summary>
public static class ArchiveWords
{
    public static readonly IReadOnlyDictionary<Relation, string> Relations = new Dictionary<Relation, string>
    {
        [Relation.Head] = "户主", [Relation.Spouse] = "配偶", [Relation.Child] = "子女", [Relation.Parent] = "父母",
        [Relation.Grandchild] = "孙子女", [Relation.Sibling] = "兄弟姐妹", [Relation.OtherRelative] = "其他亲属", [Relation.Tenant] = "租户",
    };

    public static readonly IReadOnlyDictionary<ResidentTags, string> Tags = new Dictionary<ResidentTags, string>
    {
        [ResidentTags.PartyMember] = "党员", [ResidentTags.Dibao] = "低保", [ResidentTags.ElderlyAlone] = "独居老人", [ResidentTags.Disabled] = "残疾人",
        [ResidentTags.SchoolAgeChild] = "适龄儿童", [ResidentTags.Backbone] = "骨干", [ResidentTags.Volunteer] = "志愿者", [ResidentTags.BuildingHead] = "楼栋长",
    };

    private static readonly char[] TagSeparators = ['、', ',', '，', ';', '；', ' '];

    public static Relation RelationOf(string? word) =>
        Relations.FirstOrDefault(r => r.Value == word?.Trim() || string.Equals(r.Key.ToString(), word?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key
            : throw new DomainValidationException("ImportUnknownRelation", "The relation is none of the template's words.", "与户主关系");

    public static ResidentTags TagsOf(string? words) =>
        (words ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries).Aggregate(ResidentTags.None, (tags, word) =>
            tags | (Tags.FirstOrDefault(t => t.Value == word || string.Equals(t.Key.ToString(), word, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
                ? found.Key
                : throw new DomainValidationException("ImportUnknownTag", $"{word} is none of the template's tags.", "标签")));
}
