using CommandCenter.Domain.Cases;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Declares on a <see cref="CaseCommandRequest"/> record the command it runs and its route under
/// <c>/api/cases/{id}/</c>; <see cref="CaseCommandRoutes"/> reads it, so the API needs no list of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CommandRouteAttribute(CaseCommand command, string route) : Attribute
{
    public CaseCommand Command { get; } = command;
    public string Route { get; } = route;
}
