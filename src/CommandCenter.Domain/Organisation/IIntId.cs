using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommandCenter.Domain.Organisation;

/// <summary>
/// An id stored and sent as an int but typed by what it names, so a courtyard's id cannot be
/// passed where a unit's is expected. Parsable so routes and query strings bind it as they bound the int.
/// </summary>
public interface IIntId<TSelf> : IParsable<TSelf>, IComparable<TSelf> where TSelf : struct, IIntId<TSelf>
{
    int Value { get; }

    static abstract TSelf From(int value);
}

internal static class IntId
{
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static TId Parse<TId>(string s) where TId : struct, IIntId<TId> =>
        TId.From(int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public static bool TryParse<TId>([NotNullWhen(true)] string? s, out TId result) where TId : struct, IIntId<TId>
    {
        var parsed = int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value);
        result = TId.From(value);
        return parsed;
    }
}
