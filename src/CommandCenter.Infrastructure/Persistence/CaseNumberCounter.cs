namespace CommandCenter.Infrastructure.Persistence;

/// <summary>The last case number handed out for one street on one (China) day.</summary>
public sealed class CaseNumberCounter
{
    public required string StreetCode { get; init; }
    public required string Day { get; init; }
    public int Last { get; set; }
}
