using System.Text.RegularExpressions;
using ChatBot.Core.Attribution;

namespace ChatBot.Core.Evaluation;

/// <summary>A case's <c>expect</c>: what the answer must show. Omitted checks are not made.</summary>
public sealed record CaseExpectation
{
    /// <summary>Every listed article id is among the citations.</summary>
    public IReadOnlyList<string> Cites { get; init; } = [];

    /// <summary>Every regex matches the answer text (case-insensitive): the outlets the answer must name.</summary>
    public IReadOnlyList<Regex> Outlets { get; init; } = [];

    /// <summary>Every regex matches the answer text (case-insensitive).</summary>
    public IReadOnlyList<Regex> Mentions { get; init; } = [];

    /// <summary>Disputes non-empty (true) or empty (false); null = not checked.</summary>
    public bool? Disputed { get; init; }

    /// <summary>Each listed kind is among the answer's disputes.</summary>
    public IReadOnlyList<DisputeKind> DisputeKinds { get; init; } = [];

    /// <summary>The answer is a refusal (true) or not (false); null = not checked.</summary>
    public bool? Refused { get; init; }
}
