using System.Text.Json;
using System.Text.Json.Serialization;
using CommandCenter.Domain.Assessment.Scoring;

namespace CommandCenter.Infrastructure.Assessment.Scoring;

/// <summary>
/// One saved revision of a kind's scoring scheme, never changed once written: each save adds the next
/// revision, so a published 红黑榜 can always show the scheme that scored it. The weights and bands are
/// one JSON document; who saved it and when are beside it (and in the audit log).
/// </summary>
public sealed class StoredScheme
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ScoredKind Kind { get; init; }
    public int Revision { get; init; }
    public required string Definition { get; init; }
    public DateTime SavedAtUtc { get; init; }
    public required string SavedBy { get; init; }

    public static StoredScheme Of(ScoringScheme scheme, DateTime savedAtUtc, string savedBy) => new()
    {
        Kind = scheme.Kind,
        Revision = scheme.Revision,
        Definition = JsonSerializer.Serialize(new SchemeDefinition(scheme.Weights, scheme.CountBands, scheme.Grades, scheme.ListSize), Json),
        SavedAtUtc = savedAtUtc,
        SavedBy = savedBy,
    };

    public ScoringScheme ToScheme()
    {
        var d = JsonSerializer.Deserialize<SchemeDefinition>(Definition, Json) ?? throw new InvalidDataException($"Scheme {Kind} r{Revision} is empty.");
        return ScoringScheme.Create(Kind, Revision, d.Weights, d.CountBands, d.Grades, d.ListSize);
    }

    private sealed record SchemeDefinition(IReadOnlyList<IndicatorWeight> Weights, IReadOnlyList<CountBand> CountBands, GradeBands Grades, int ListSize);
}
