using System.Globalization;
using CommandCenter.Domain.Assessment;

namespace CommandCenter.Web.Components;

/// <summary>A rate as people read it: two decimals of a percent (93.72 %), or "—" when nothing divides.</summary>
public static class RateText
{
    public static string Of(Rate? rate) => rate is { } r ? $"{r.Percent.ToString("0.00", CultureInfo.InvariantCulture)} %" : "—";
}
