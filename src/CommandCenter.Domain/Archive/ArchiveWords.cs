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

    /// <summary>The owner list's words (不动产登记 and property companies write 登记/实测/合同 and 住宅/商铺/车库/车位).</summary>
    public static readonly IReadOnlyDictionary<AreaSource, string> AreaSources = new Dictionary<AreaSource, string>
    {
        [AreaSource.Registry] = "登记", [AreaSource.Surveyed] = "实测", [AreaSource.Contract] = "合同",
    };

    public static readonly IReadOnlyDictionary<HomeUse, string> Uses = new Dictionary<HomeUse, string>
    {
        [HomeUse.Home] = "住宅", [HomeUse.Shop] = "商铺", [HomeUse.Garage] = "车库", [HomeUse.ParkingSpace] = "车位",
    };

    public static readonly IReadOnlyDictionary<OwnerKind, string> OwnerKinds = new Dictionary<OwnerKind, string>
    {
        [OwnerKind.Person] = "个人", [OwnerKind.Developer] = "开发商", [OwnerKind.Organisation] = "单位",
    };

    private static readonly IReadOnlyDictionary<bool, string> YesNo = new Dictionary<bool, string> { [true] = "是", [false] = "否" };

    private static readonly char[] TagSeparators = ['、', ',', '，', ';', '；', ' '];

    public static Relation RelationOf(string? word) =>
        Find(Relations, word) ?? throw new DomainValidationException("ImportUnknownRelation", "The relation is none of the template's words.", "与户主关系");

    public static ResidentTags TagsOf(string? words) =>
        (words ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries).Aggregate(ResidentTags.None, (tags, word) =>
            tags | (Find(Tags, word) ?? throw new DomainValidationException("ImportUnknownTag", $"{word} is none of the template's tags.", "标签")));

    public static AreaSource AreaSourceOf(string? word) =>
        Find(AreaSources, word) ?? throw new DomainValidationException("ImportUnknownAreaSource", "The area's source is none of 登记, 实测, 合同.", "面积来源");

    /// <summary>A unit whose use is not written is a home (住宅), as most of a list is.</summary>
    public static HomeUse UseOf(string? word) => string.IsNullOrWhiteSpace(word) ? HomeUse.Home
        : Find(Uses, word) ?? throw new DomainValidationException("ImportUnknownUse", "The use is none of 住宅, 商铺, 车库, 车位.", "用途");

    /// <summary>An owner whose kind is not written is a person.</summary>
    public static OwnerKind OwnerKindOf(string? word) => string.IsNullOrWhiteSpace(word) ? OwnerKind.Person
        : Find(OwnerKinds, word) ?? throw new DomainValidationException("ImportUnknownOwnerKind", "The owner's kind is none of 个人, 开发商, 单位.", "业主类型");

    /// <summary>是 or 否 (or true/false); an empty cell is 否.</summary>
    public static bool YesOf(string? word, string column) => !string.IsNullOrWhiteSpace(word)
        && (Find(YesNo, word) ?? throw new DomainValidationException("ImportNotYesOrNo", "Write 是 or 否.", column));

    /// <summary>A share in percent as a list writes it: 50, 50% or 33.33 %; an empty cell is none.</summary>
    public static decimal? ShareOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text.Trim().TrimEnd('%', '％').Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var share)
            ? share
            : throw new DomainValidationException("InvalidShares", "A share is a percentage such as 50 or 50%.", "份额");

    /// <summary>The value whose word, or own name, is written (case and surrounding spaces aside); null for none.</summary>
    private static T? Find<T>(IReadOnlyDictionary<T, string> words, string? word) where T : struct
    {
        var typed = word?.Trim();
        return words.FirstOrDefault(w => w.Value == typed || string.Equals(w.Key.ToString(), typed, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key : null;
    }
}
