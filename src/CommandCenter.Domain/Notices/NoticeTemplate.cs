using System.Text.RegularExpressions;

namespace CommandCenter.Domain.Notices;

/// <summary>
/// A notice's text with {placeholders}: {number} (case number), {category}, {address}, {deadline},
/// {link} (the resident's tracking page) and {unit}. An unknown placeholder is refused when saved,
/// so a typo cannot reach a phone.
/// </summary>
public static partial class NoticeTemplate
{
    public const int MaxLength = 500;

    /// <summary>A rendered text: the template with its values filled in may be longer than the template.</summary>
    public const int MaxRenderedLength = MaxLength * 2;

    public static readonly IReadOnlyList<string> Placeholders = ["number", "category", "address", "deadline", "link", "unit"];

    public static readonly IReadOnlyDictionary<NoticeKind, string> Defaults = new Dictionary<NoticeKind, string>
    {
        [NoticeKind.Dispatched] = "【指挥中心】案件{number}（{category}，{address}）已派遣至{unit}，请及时签收办理。",
        [NoticeKind.Warned] = "【指挥中心】催办：案件{number}（{category}）即将到期，办理时限{deadline}，请抓紧办理。",
        [NoticeKind.Supervised] = "【指挥中心】督办：案件{number}（{category}，{address}）已被督办，请按时回复。",
        [NoticeKind.ClockOverdue] = "【指挥中心】案件{number}（{category}）已超时，请及时处置。",
        [NoticeKind.CaseClosed] = "【指挥中心】您反映的问题（{number}）已办结，查看进度与评价：{link}",
        [NoticeKind.CaseRejected] = "【指挥中心】您反映的问题（{number}）未予受理，原因请查看：{link}",
    };

    /// <summary>The placeholders <paramref name="text"/> uses that do not exist.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct()];

    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : "");

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
