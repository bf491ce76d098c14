using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Cases;

/// <summary>The name a reporter gives, if any (often just 陈女士): one rule for every channel.</summary>
public static class ReporterName
{
    public const int MaxLength = 50;

    /// <summary>The name trimmed, or null when none is given; refused, naming <paramref name="field"/>, when too long or not plain text.</summary>
    public static string? Check(string? name, string field = "reporterName") => PlainText.Optional(name, field, MaxLength);
}
