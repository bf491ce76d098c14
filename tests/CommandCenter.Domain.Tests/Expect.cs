using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests;

/// <summary>Assertions for a refused command: the right exception and code, and a case left as it was.</summary>
public static class Expect
{
    public static CaseCommandRejectedException Refused(Case c, string code, Action action) => Throws<CaseCommandRejectedException>(c, code, action);

    public static DomainValidationException Invalid(string code, string field, Action action) => Invalid(null, code, field, action);

    public static DomainValidationException Invalid(Case? c, string code, string field, Action action)
    {
        var exception = Throws<DomainValidationException>(c, code, action);
        Assert.Equal(field, exception.Field);
        return exception;
    }

    private static T Throws<T>(Case? c, string code, Action action) where T : DomainException
    {
        var before = c is null ? null : Snapshot.Of(c);
        var exception = Assert.Throws<T>(action);
        Assert.Equal(code, exception.Code);
        if (c is not null) Assert.Equal(before, Snapshot.Of(c));
        return exception;
    }

    private sealed record Snapshot(
        CaseState State, int Version, int EventCount, int TimelineCount, HandlingLevel Level, UnitId? UnitId, PendingRequest? Request)
    {
        public static Snapshot Of(Case c) =>
            new(c.State, c.Version, c.EventCount, c.Timeline.Count, c.Level, c.CurrentUnitId, c.PendingRequest);
    }
}
