using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Credit;

public enum CreditBand
{
    AAA,
    AA,
    A,
    B,
    C,
}

/// <summary>
/// The lowest score of each band; below <see cref="B"/> is C. The defaults (AAA ≥ 95, AA ≥ 90,
/// A ≥ 75, B ≥ 60) are docs/decisions/0009's; a street may set its own once bands are configurable.
/// </summary>
public sealed record CreditBands
{
    public CreditBands(int aaa, int aa, int a, int b)
    {
        if (!(CreditLedger.MinScore < b && b < a && a < aa && aa < aaa && aaa <= CreditLedger.MaxScore))
            throw new DomainValidationException("CreditBandsOutOfOrder", "Bands must rise strictly from B to AAA within the score range.", "bands");
        (AAA, AA, A, B) = (aaa, aa, a, b);
    }

    public int AAA { get; }
    public int AA { get; }
    public int A { get; }
    public int B { get; }

    public static CreditBands Defaults { get; } = new(95, 90, 75, 60);

    public CreditBand Of(int score) =>
        score >= AAA ? CreditBand.AAA : score >= AA ? CreditBand.AA : score >= A ? CreditBand.A : score >= B ? CreditBand.B : CreditBand.C;
}

/// <summary>One saved revision of the street's bands, in force from the first day of <see cref="From"/>.</summary>
public sealed record CreditBandRevision(int Revision, CreditMonth From, CreditBands Bands);

/// <summary>
/// The bands of every day: the newest revision whose month has begun by that day, so a month is graded by
/// the revision in force for it; before any revision, <see cref="CreditBands.Defaults"/>.
/// </summary>
public sealed class CreditBandHistory(IEnumerable<CreditBandRevision> revisions)
{
    public IReadOnlyList<CreditBandRevision> Revisions { get; } = [.. revisions.OrderBy(r => r.Revision)];

    /// <summary>The newest revision's number; 0 while the defaults hold.</summary>
    public int Latest => Revisions.Count == 0 ? 0 : Revisions[^1].Revision;

    public CreditBands On(DateOnly day) => Revisions.LastOrDefault(r => r.From.FirstDay <= day)?.Bands ?? CreditBands.Defaults;
}
