namespace CommandCenter.Domain.Common;

/// <summary>
/// A value of a closed set that the set does not define — an enum number nobody named — refused one
/// way, with one code, whichever field carries it and whoever checks it first.
/// </summary>
public static class KnownValue
{
    /// <summary><paramref name="value"/> when its enum defines it (any other value passes as it is); otherwise refused naming <paramref name="field"/>.</summary>
    public static T Of<T>(T value, string field) where T : struct =>
        typeof(T).IsEnum && !Enum.IsDefined(typeof(T), value)
            ? throw new DomainValidationException("UnknownValue", $"{field} {value} does not exist.", field)
            : value;

    /// <summary>
    /// The value of <typeparamref name="T"/> that <paramref name="name"/> names (any case), as a query string carries it;
    /// a number, a list or an unknown name is refused the same way <see cref="Of{T}"/> refuses an undefined value.
    /// </summary>
    public static T Named<T>(string? name, string field) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } known
            ? Of(Enum.Parse<T>(known), field)
            : throw new DomainValidationException("UnknownValue", $"{field} {name} does not exist.", field);
}
