using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

/// <summary>
/// The words a street's roster (花名册) writes posts, unit kinds, courtyard kinds and yes/no in, as the import
/// template asks for them: part of the file format, so they live here and not in the screens' resources.
/// The value's own English name is taken too.
/// </summary>
public static class RosterWords
{
    public static readonly IReadOnlyDictionary<AccessRole, string> Roles = new Dictionary<AccessRole, string>
    {
        [AccessRole.Administrator] = "管理员", [AccessRole.StreetLeader] = "街道领导", [AccessRole.Dispatcher] = "调度员",
        [AccessRole.CommunityStaff] = "社区工作人员", [AccessRole.GridWorker] = "网格员", [AccessRole.DepartmentLiaison] = "部门联络员",
        [AccessRole.PropertyStaff] = "物业人员", [AccessRole.MicroGridMember] = "微网格员",
        [AccessRole.BuildingHead] = "楼栋长",
    };

    public static readonly IReadOnlyDictionary<UnitKind, string> UnitKinds = new Dictionary<UnitKind, string>
    {
        [UnitKind.PropertyCompany] = "物业公司", [UnitKind.CourtyardGroup] = "院落小组", [UnitKind.CommunityCommittee] = "社区居委会",
        [UnitKind.StreetOffice] = "街道科室", [UnitKind.DistrictDepartment] = "区级部门", [UnitKind.OwnersCommittee] = "业委会",
    };

    public static readonly IReadOnlyDictionary<CourtyardKind, string> CourtyardKinds = new Dictionary<CourtyardKind, string>
    {
        [CourtyardKind.Resettlement] = "安置小区", [CourtyardKind.Old] = "老旧院落", [CourtyardKind.Commercial] = "商品房小区", [CourtyardKind.Abandoned] = "弃管院落",
    };

    /// <summary>How a sheet separates the buildings of a courtyard in one cell.</summary>
    public static readonly char[] ListSeparators = ['、', ',', '，', ';', '；'];

    public static AccessRole RoleOf(string? word, string column) =>
        Of(Roles, word, column) ?? throw new DomainValidationException("ImportUnknownRole", $"{word} is none of the template's posts.", column);

    public static UnitKind UnitKindOf(string? word, string column) =>
        Of(UnitKinds, word, column) ?? throw new DomainValidationException("ImportUnknownUnitKind", $"{word} is none of the template's unit kinds.", column);

    public static CourtyardKind CourtyardKindOf(string? word, string column) =>
        Of(CourtyardKinds, word, column) ?? throw new DomainValidationException("ImportUnknownCourtyardKind", $"{word} is none of the template's courtyard kinds.", column);

    /// <summary>是 or 否 (blank is 是: a roster lists the people at work).</summary>
    public static bool YesOf(string? word, string column) => word?.Trim() switch
    {
        null or "" or "是" or "在岗" => true,
        "否" or "离岗" => false,
        _ => throw new DomainValidationException("ImportNotYesNo", $"{column} is 是 or 否.", column),
    };

    /// <summary>The value the word names, or null for none; a blank cell is refused as missing.</summary>
    private static T? Of<T>(IReadOnlyDictionary<T, string> words, string? word, string column) where T : struct, Enum
    {
        var text = word?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("Required", $"{column} is required.", column);
        return words.FirstOrDefault(w => w.Value == text || string.Equals(w.Key.ToString(), text, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key
            : null;
    }
}
