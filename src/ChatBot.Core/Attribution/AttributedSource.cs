using ChatBot.Core.Corpus;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Whom an outlet cites for a sentence. <see cref="Name"/> is the source's canonical sources.yaml name when it is
/// listed, else the words the article uses ("a commander in the military alliance").
/// </summary>
public sealed record AttributedSource
{
    public required string Name { get; init; }

    public required SourceKind Kind { get; init; }

    /// <summary>The reporting verb or phrase: "said", "told", "according to", "claimed", "reported".</summary>
    public string? Cue { get; init; }

    /// <summary>Whom the source spoke to or through, when the article says: "Reuters" in "a commander ... told Reuters".</summary>
    public string? Via { get; init; }

    /// <summary>True when the source is named in the sentence itself; false when carried over from an earlier sentence.</summary>
    public bool NamedInSentence { get; init; }
}
