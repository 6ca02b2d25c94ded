using ChatBot.Core.Corpus;

namespace ChatBot.Core.Attribution;

/// <summary>
/// What one sentence of reporting asserts, and on whose word. Computed once per sentence at index time
/// (<see cref="IClaimExtractor"/>) and stored beside the passage.
/// </summary>
public sealed record Claim
{
    /// <summary>The sentence's <see cref="Sentence.Index"/> within its article.</summary>
    public required int SentenceIndex { get; init; }

    /// <summary>Whom the outlet cites, or null when the outlet speaks in its own voice.</summary>
    public AttributedSource? Source { get; init; }

    /// <summary>
    /// Other parties the sentence reports as saying, accusing, denying or refusing to admit something in its other clauses,
    /// besides <see cref="Source"/>: "but activists and Western officials accuse Moscow of ...", "after Moscow declared that ...",
    /// "the regime military refused to admit losses". In sentence order; empty when there are none.
    /// </summary>
    public IReadOnlyList<AttributedSource> OtherSources { get; init; } = [];

    public IReadOnlyList<Hedge> Hedges { get; init; } = [];

    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>The date the sentence refers to, resolved from the article's date ("on Friday", "in March").</summary>
    public DateOnly? RefersTo { get; init; }

    /// <summary>Loaded framing words in the sentence ("terrorists", "liberated", "bandits"), for the composer to keep attributed.</summary>
    public IReadOnlyList<string> LoadedTerms { get; init; } = [];

    public bool IsHedged => Hedges.Count > 0;
}
