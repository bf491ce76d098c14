using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Cases;

/// <summary>Why a command cannot run on a case as it is now.</summary>
public sealed record CaseRefusal(string Code, string Reason);

/// <summary>A command was refused by the case's lifecycle: names the command, the state and the reason.</summary>
public sealed class CaseCommandRejectedException(CaseCommand command, CaseState state, string? caseNumber, CaseRefusal refusal)
    : DomainException(refusal.Code, $"{command} is not allowed on case {caseNumber} in state {state}: {refusal.Reason}")
{
    public CaseCommand Command { get; } = command;
    public CaseState State { get; } = state;
    public string Reason { get; } = refusal.Reason;
}
