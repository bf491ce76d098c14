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
