using CommandCenter.Domain.Common;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// The value fields of a request, read in one way: a missing one is refused naming it (422),
/// never read as 0, false or the first value of its enum; an enum number nobody defined, likewise.
/// Request records declare such fields nullable so that "absent" stays visible until here.
/// </summary>
public static class RequestField
{
    public static T Required<T>(T? value, string field) where T : struct =>
        value is { } present ? KnownValue.Of(present, field) : throw new DomainValidationException("Required", $"{field} is required.", field);

    public static T? Optional<T>(T? value, string field) where T : struct => value is { } present ? KnownValue.Of(present, field) : null;

    /// <summary>A moment a client sent, as UTC; one with an offset is converted.</summary>
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);

    public static DateTime? Utc(DateTime? value) => value is { } present ? Utc(present) : null;
}
