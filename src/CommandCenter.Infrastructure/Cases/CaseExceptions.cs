using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;

namespace CommandCenter.Infrastructure.Cases;

public sealed class CaseNotFoundException(Guid id) : Exception($"Case {id} does not exist.")
{
    public Guid CaseId { get; } = id;
}

/// <summary>Someone else changed the case first; nothing of this request was stored.</summary>
public sealed class CaseConflictException(string caseNumber, string reason)
    : Exception($"Case {caseNumber} was changed by someone else ({reason}). Reload it and try again; nothing was saved.")
{
    public string CaseNumber { get; } = caseNumber;
}

/// <summary>A request names something that does not exist (unit, courtyard, category).</summary>
public sealed class UnknownReferenceException(string field, string value)
    : Exception($"{field} {value} does not exist.")
{
    public string Field { get; } = field;
}

/// <summary>The post may not do this (DESIGN §9); nothing was stored.</summary>
public sealed class AccessRefusedException(AccessRefusal refusal, CaseCommand? command = null)
    : Exception(command is { } c ? $"Your post may not run {c} on this case ({refusal})." : $"Your post may not do this ({refusal}).")
{
    public AccessRefusal Refusal { get; } = refusal;
    public CaseCommand? Command { get; } = command;
}
