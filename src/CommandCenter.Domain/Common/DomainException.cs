namespace CommandCenter.Domain.Common;

/// <summary>
/// A rule of the domain refused an operation. <see cref="Code"/> is stable so that
/// the UI can say it in the user's language; <see cref="Message"/> is the English sentence.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Input that can never be valid, whatever the state (empty description, unknown category…).</summary>
public sealed class DomainValidationException(string code, string message, string field)
    : DomainException(code, message)
{
    public string Field { get; } = field;
}
