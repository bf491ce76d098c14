using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// One department's share of a cross-agency ticket (多跨协同). Its liaison closes it with
/// a result; the case cannot be reported done while a required part is open.
/// </summary>
public sealed class CasePart
{
    private CasePart() { }

    internal CasePart(UnitId unitId, PartRole role, bool isRequired)
    {
        UnitId = unitId;
        Role = role;
        IsRequired = isRequired;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public UnitId UnitId { get; private set; }
    public PartRole Role { get; private set; }
    public bool IsRequired { get; private set; }
    public bool IsClosed => ClosedAtUtc is not null;
    public string? Result { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public string? ClosedBy { get; private set; }

    internal void Close(string result, DateTime nowUtc, string closedBy)
    {
        Result = result;
        ClosedAtUtc = nowUtc;
        ClosedBy = closedBy;
    }
}
