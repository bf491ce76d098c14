namespace CommandCenter.Domain.Assessment;

/// <summary>
/// A rate as the exact fraction it is; <see cref="Percent"/> rounds it for display (93.72 %).
/// A rate of nothing (a zero denominator) is no <see cref="Rate"/> at all: null, shown as "—".
/// </summary>
public readonly record struct Rate(int Numerator, int Denominator)
{
    /// <summary>The fraction, or null when there is nothing to divide by.</summary>
    public static Rate? Of(int numerator, int denominator) => denominator <= 0 ? null : new Rate(numerator, denominator);

    public double Value => (double)Numerator / Denominator;

    /// <summary>In percent, rounded half away from zero to two decimals, as published bulletins round.</summary>
    public decimal Percent => Math.Round(100m * Numerator / Denominator, 2, MidpointRounding.AwayFromZero);
}
