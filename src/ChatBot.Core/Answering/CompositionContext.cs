using ChatBot.Core.Attribution;
using ChatBot.Core.Prompts;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Answering;

/// <summary>Everything a composer may use to write an answer; nothing else is evidence.</summary>
public sealed record CompositionContext
{
    /// <summary>The question as the user typed it.</summary>
    public required string Question { get; init; }

    /// <summary>The question after follow-up resolution.</summary>
    public required string StandaloneQuestion { get; init; }

    /// <summary>Earlier user turns, oldest first.</summary>
    public IReadOnlyList<string> Turns { get; init; } = [];

    /// <summary>The retrieved passages, best first, with their claims.</summary>
    public required IReadOnlyList<PassageHit> Evidence { get; init; }

    /// <summary>Disputes found among the evidence.</summary>
    public IReadOnlyList<DetectedDispute> Disputes { get; init; } = [];

    /// <summary>A time hint read from the question.</summary>
    public DateRange? Period { get; init; }

    /// <summary>"Now": the newest article's date in the corpus.</summary>
    public DateOnly? Now { get; init; }

    public required PromptSet Prompts { get; init; }

    /// <summary>The question as read by the service (terms, names, shape, outlets); composers read it themselves when null.</summary>
    public QuestionFocus? Focus { get; init; }
}
