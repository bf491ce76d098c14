using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Categories;

/// <summary>
/// The taxonomy a street starts with at its setup, and the demo street's: ten groups of the problems a street and its
/// 12345 line hear most, each item with the level that usually handles it. A street renames, re-levels, adds or
/// retires categories on 管理 → 类别; codes stay, so old cases keep their category and figures.
/// </summary>
public static class StandardTaxonomy
{
    private static readonly (string Code, string Name, string NameEn, HandlingLevel Level)[] Rows =
    [
        ("01", "市容环境", "City appearance & sanitation", HandlingLevel.Courtyard),
        ("0101", "暴露垃圾", "Exposed rubbish", HandlingLevel.Courtyard),
        ("0102", "乱堆乱放", "Clutter in shared areas", HandlingLevel.Courtyard),
        ("0103", "垃圾分类", "Waste sorting", HandlingLevel.Community),
        ("0104", "小广告", "Illegal flyers", HandlingLevel.Courtyard),
        ("0105", "占道经营", "Unlicensed street stalls", HandlingLevel.Street),
        ("02", "设施设备", "Public facilities", HandlingLevel.Courtyard),
        ("0201", "公共座椅损坏", "Broken public bench", HandlingLevel.Courtyard),
        ("0202", "路灯故障", "Street light fault", HandlingLevel.Courtyard),
        ("0203", "井盖缺失", "Missing manhole cover", HandlingLevel.Courtyard),
        ("0204", "健身器材损坏", "Broken fitness equipment", HandlingLevel.Courtyard),
        ("03", "物业管理", "Property management", HandlingLevel.Courtyard),
        ("0301", "电梯故障", "Lift fault", HandlingLevel.Courtyard),
        ("0302", "楼道漏水", "Leak in the stairwell", HandlingLevel.Courtyard),
        ("0303", "物业服务", "Property service complaint", HandlingLevel.Community),
        ("0304", "公共收益公示", "Public income disclosure", HandlingLevel.Community),
        ("0305", "房屋安全隐患", "Structural danger", HandlingLevel.District),
        ("04", "邻里纠纷", "Neighbour disputes", HandlingLevel.Community),
        ("0401", "噪音扰民", "Noise nuisance", HandlingLevel.Community),
        ("0402", "邻里矛盾", "Neighbour conflict", HandlingLevel.Community),
        ("0403", "相邻渗漏", "Leak between flats", HandlingLevel.Courtyard),
        ("0404", "停车秩序", "Parking disorder", HandlingLevel.Community),
        ("05", "消防安全", "Fire safety", HandlingLevel.Courtyard),
        ("0501", "占用消防通道", "Fire lane blocked", HandlingLevel.Street),
        ("0502", "电动车违规充电", "Unsafe e-bike charging", HandlingLevel.Courtyard),
        ("0503", "楼道堆物", "Stairwell obstruction", HandlingLevel.Courtyard),
        ("0504", "消防设施损坏", "Damaged fire equipment", HandlingLevel.Courtyard),
        ("06", "文明养犬", "Responsible dog keeping", HandlingLevel.Community),
        ("0601", "犬只扰民", "Dog nuisance", HandlingLevel.Community),
        ("0602", "未拴绳遛犬", "Unleashed dog", HandlingLevel.Community),
        ("07", "违法建设", "Illegal construction", HandlingLevel.Street),
        ("0701", "违章搭建", "Unauthorised structure", HandlingLevel.Street),
        ("0702", "圈占绿地", "Enclosed green space", HandlingLevel.Street),
        ("08", "市政公用", "Public utilities", HandlingLevel.District),
        ("0801", "供水故障", "Water supply fault", HandlingLevel.District),
        ("0802", "供电故障", "Power supply fault", HandlingLevel.District),
        ("0803", "燃气泄漏", "Gas leak", HandlingLevel.District),
        ("09", "生态环境", "Ecology & environment", HandlingLevel.District),
        ("0901", "餐饮油烟", "Restaurant fumes", HandlingLevel.District),
        ("0902", "施工噪音", "Construction noise", HandlingLevel.District),
        ("0903", "污水直排", "Sewage discharge", HandlingLevel.District),
        ("10", "公园设施", "Park facilities", HandlingLevel.District),
        ("1001", "公园设施损坏", "Damaged park facility", HandlingLevel.District),
        ("1002", "绿化养护", "Green-space upkeep", HandlingLevel.District),    ];

    /// <summary>Each group followed by its items, all active and of normal urgency: a street raises what is urgent for it.</summary>
    public static IReadOnlyList<Category> Categories() =>
        [.. Rows.Select(row => Category.New(row.Code, row.Name, row.NameEn, row.Level, Urgency.Normal, active: true))];
}
