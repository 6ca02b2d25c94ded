namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>A place, group or source with the spellings the reporting uses for it (first = canonical).</summary>
internal sealed record SyntheticNamedThing(string Name, IReadOnlyList<string> Variants)
{
    public IReadOnlyList<string> AllSpellings { get; } = [Name, .. Variants];
}
