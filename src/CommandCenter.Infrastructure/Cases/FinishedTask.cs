using CommandCenter.Domain.Cases;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>A round the handler's unit ended as 办结: the case as it stands now, when the unit finished, and whether it was late.</summary>
public sealed record FinishedTask(CaseListItem Case, DateTime DoneAtUtc, bool HandledLate, PartRole Role);
