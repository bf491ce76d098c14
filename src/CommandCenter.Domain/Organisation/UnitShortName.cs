namespace CommandCenter.Domain.Organisation;

/// <summary>
/// The name a unit goes by where space is short (the wall's ranking, read from three metres): its
/// registered name without what every unit of its kind repeats — the municipality a company is
/// registered in and its legal form, the trade spelled out in full, the street an office belongs
/// to, a courtyard group's "院落…小组". What is left is what tells the units apart, never cut.
/// </summary>
public static class UnitShortName
{
    private static readonly string[] Municipalities = ["北京市", "天津市", "上海市", "重庆市", "北京", "天津", "上海", "重庆"];
    private static readonly string[] LegalForms = ["股份有限公司", "有限责任公司", "有限公司"];
    private static readonly (string Long, string Short)[] Trades =
        [("物业服务", "物业"), ("物业管理", "物业"), ("院落自管小组", "自管组"), ("院落党小组", "党小组")];

    /// <param name="streetNames">The district's streets: a street office's name opens with its own.</param>
    public static string Of(string name, params IEnumerable<string> streetNames)
    {
        var shortName = StripPrefix(StripPrefix(name, Municipalities), streetNames);
        shortName = StripSuffix(shortName, LegalForms);
        foreach (var (longForm, shortForm) in Trades)
            if (shortName.EndsWith(longForm, StringComparison.Ordinal))
                return shortName[..^longForm.Length] + shortForm;
        return shortName;
    }

    /// <summary>Takes off the first of the prefixes the name starts with, unless nothing would be left.</summary>
    private static string StripPrefix(string name, IEnumerable<string> prefixes) =>
        prefixes.FirstOrDefault(p => p.Length > 0 && name.Length > p.Length && name.StartsWith(p, StringComparison.Ordinal)) is { } prefix
            ? name[prefix.Length..]
            : name;

    private static string StripSuffix(string name, IEnumerable<string> suffixes) =>
        suffixes.FirstOrDefault(s => name.Length > s.Length && name.EndsWith(s, StringComparison.Ordinal)) is { } suffix
            ? name[..^suffix.Length]
            : name;
}
