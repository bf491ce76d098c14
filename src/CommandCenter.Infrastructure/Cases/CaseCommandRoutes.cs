using System.Collections.Frozen;
using System.Reflection;
using CommandCenter.Domain.Cases;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>A command as the API knows it: the request type that carries it and its route under <c>/api/cases/{id}/</c>.</summary>
public sealed record CommandRoute(CaseCommand Command, string Route, Type RequestType);

/// <summary>
/// Every command's request type and route, read once from the <see cref="CommandRouteAttribute"/> of each
/// <see cref="CaseCommandRequest"/> record: adding a command is adding its request type. A request type without
/// the attribute, a command without a request type or with two, and a route used twice stop the app at start.
/// </summary>
public static class CaseCommandRoutes
{
    /// <summary>In the order of <see cref="CaseCommand"/>, which is the order the API lists them in.</summary>
    public static IReadOnlyList<CommandRoute> All { get; } = Discover();

    private static readonly FrozenDictionary<Type, CommandRoute> ByType = All.ToFrozenDictionary(r => r.RequestType);
    private static readonly FrozenDictionary<CaseCommand, CommandRoute> ByCommand = All.ToFrozenDictionary(r => r.Command);

    public static CommandRoute Of(CaseCommand command) => ByCommand[command];

    public static CommandRoute Of(Type requestType) => ByType[requestType];

    private static List<CommandRoute> Discover()
    {
        var routes = typeof(CaseCommandRequest).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CaseCommandRequest)) && !t.IsAbstract)
            .Select(t => t.GetCustomAttribute<CommandRouteAttribute>() is { } declared
                ? new CommandRoute(declared.Command, declared.Route, t)
                : throw new InvalidOperationException($"{t.Name} needs a [CommandRoute]."))
            .OrderBy(r => r.Command)
            .ToList();
        var missing = Enum.GetValues<CaseCommand>().Except(routes.Select(r => r.Command)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"No request type runs {string.Join(", ", missing)}.");
        if (routes.GroupBy(r => r.Command).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"{twice.Key} is run by {string.Join(" and ", twice.Select(r => r.RequestType.Name))}.");
        if (routes.GroupBy(r => r.Route).FirstOrDefault(g => g.Count() > 1) is { } shared)
            throw new InvalidOperationException($"The route {shared.Key} is used by {string.Join(" and ", shared.Select(r => r.RequestType.Name))}.");
        return routes;
    }
}
