namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>A fictional outlet: its sources.yaml entry and the look of its pages.</summary>
internal sealed record SyntheticOutlet
{
    public required string Name { get; init; }

    /// <summary>Folder and id prefix.</summary>
    public required string Slug { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    public required string Homepage { get; init; }

    /// <summary>The phrase that identifies the outlet's pages (sources.yaml <c>signatures</c>).</summary>
    public required string Signature { get; init; }

    public required string Licence { get; init; }

    public int? MaxQuoteChars { get; init; }

    public required SyntheticOutletStyle Style { get; init; }

    /// <summary>Which spelling of a name this outlet's style guide prefers (an index into its variants, wrapping).</summary>
    public required int SpellingPreference { get; init; }

    /// <summary>The source this outlet leans on for tolls.</summary>
    public required string FavouredSource { get; init; }
}
