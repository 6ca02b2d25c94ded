namespace ChatBot.Core.Answering;

/// <summary>
/// The answer to one question (design.md answer JSON). "The reporting here does not say" is an answer too:
/// <see cref="Refused"/> with a reason and no citations.
/// </summary>
public sealed record Answer
{
    public required string Question { get; init; }

    /// <summary>The question after follow-up resolution: what was actually searched for.</summary>
    public required string StandaloneQuestion { get; init; }

    /// <summary>The whole answer: plain text with [n] markers, parts separated by a blank line (JSON: <c>answer</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("answer")]
    public required string Text { get; init; }

    public required AnswerMode Mode { get; init; }

    public bool Refused { get; init; }

    public string? RefusalReason { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public IReadOnlyList<Dispute> Disputes { get; init; } = [];

    public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>First 12 hex digits of the SHA-256 of the effective prompt set.</summary>
    public required string PromptVersion { get; init; }

    /// <summary>The parts of <see cref="Text"/>, for doors that render them apart.</summary>
    public IReadOnlyList<AnswerPart> Parts { get; init; } = [];

    /// <summary>How the answer was made, for editors; null unless asked for.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AnswerTrace? Trace { get; init; }
}
