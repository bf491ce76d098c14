using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Archive;

/// <summary>
/// Why personal data leaves the system (PIPL): an export says what it is for (e.g. 高温天气逐户走访独居老人),
/// and the audit log keeps the sentence with the number of people exported.
/// </summary>
public static class ExportReason
{
    public const int MinLength = 4, MaxLength = 200;

    public static string Check(string? reason)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length < MinLength || trimmed.Length > MaxLength || trimmed.Any(char.IsControl))
            throw new DomainValidationException("ExportReasonRequired", $"An export of personal data gives its reason in {MinLength} to {MaxLength} printable characters.", "reason");
        return trimmed;
    }
}
