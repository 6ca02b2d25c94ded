using ChatBot.Core.Prompts;

namespace ChatBot.Core.Answering;

/// <summary>A question with the conversation before it.</summary>
public sealed record AnswerRequest
{
    public required string Question { get; init; }

    /// <summary>Earlier user turns, oldest first.</summary>
    public IReadOnlyList<string> Turns { get; init; } = [];

    /// <summary>A prompt set to answer under instead of the configured one (eval --prompts, prompts compare).</summary>
    public PromptSet? Prompts { get; init; }

    /// <summary>Fill <see cref="Answer.Trace"/> (the editors' view).</summary>
    public bool IncludeTrace { get; init; }
}
