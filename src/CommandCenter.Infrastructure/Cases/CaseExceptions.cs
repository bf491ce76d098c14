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
