using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// What the reporter says the problem is (问题描述), under one rule whichever channel brought it:
/// the resident's QR form, a patrol report, the hotline desk and other systems alike.
/// </summary>
public static class CaseDescription
{
    /// <summary>Two characters can name a problem in Chinese (漏水, 停电); one cannot.</summary>
    public const int MinLength = 2;
    public const int MaxLength = 2000;
    public const string Field = "description";

    /// <summary>The description trimmed; refused when blank, outside <see cref="MinLength"/>–<see cref="MaxLength"/> or not plain text.</summary>
    public static string Check(string? text) => PlainText.Required(text, Field, MaxLength, MinLength);
}
