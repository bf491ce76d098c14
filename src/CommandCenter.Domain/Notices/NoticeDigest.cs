namespace CommandCenter.Domain.Notices;

/// <summary>
/// One message per person and kind for a change that concerns several cases at once: a sweep that
/// escalates forty cases to one unit, or runs five hundred clocks out in one batch, tells each person
/// once and names the cases, instead of forty or five hundred messages that the rate limit would hold
/// for hours anyway (seed 000: the street sends SMS by the ten thousand; each one costs).
/// </summary>
public static class NoticeDigest
{
    /// <summary>How many further case numbers a digest names before "等".</summary>
    public const int NumbersNamed = 5;

    /// <summary>
    /// The first case's own text, followed by how many more cases of the same kind came with it and
    /// the first of their numbers; the text of a single case unchanged. Never longer than a stored text may be.
    /// </summary>
    public static string Text(string firstText, IReadOnlyList<string> caseNumbers)
    {
        var others = caseNumbers.Distinct().Where(n => n != caseNumbers[0]).ToList();
        if (others.Count == 0) return firstText;
        var named = string.Join("、", others.Take(NumbersNamed));
        var more = others.Count > NumbersNamed ? "等" : "";
        var suffix = $"（同批另有{others.Count}件：{named}{more}）";
        var room = NoticeTemplate.MaxRenderedLength - suffix.Length;
        return (firstText.Length > room ? firstText[..room] : firstText) + suffix;
    }
}
