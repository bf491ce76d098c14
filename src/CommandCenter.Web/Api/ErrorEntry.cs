using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Api;

/// <summary>
/// One error answer: its HTTP status, its stable <see cref="Code"/>, the resource key of the sentence
/// a person reads (which may name <see cref="Field"/>, <see cref="Command"/> and <see cref="State"/>),
/// and further fields for programs. <see cref="ErrorTable"/> makes it, <see cref="ErrorText"/> says it,
/// <see cref="ApiProblem"/> sends it as ProblemDetails; a page shows the sentence.
/// </summary>
public sealed record ErrorEntry(int Status, string Code, string MessageKey)
{
    public string? Field { get; init; }
    public CaseCommand? Command { get; init; }
    public CaseState? State { get; init; }

    /// <summary>When to ask again, for an answer that says "not now" (a database away): sent as Retry-After.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Fields beside <c>code</c> and <c>field</c> that programs read: the refusal, the photo's reason, the domain's English reason…</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Extensions { get; init; } = [];
}
