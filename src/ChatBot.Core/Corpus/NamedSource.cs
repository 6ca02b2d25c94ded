namespace ChatBot.Core.Corpus;

/// <summary>A party that outlets cite, as listed in sources.yaml.</summary>
public sealed record NamedSource
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required SourceKind Kind { get; init; }

    /// <summary>True when the source is a party to the fighting (its claims about contested events are unverified on their own).</summary>
    public bool IsParty => Kind is SourceKind.ArmedGroup or SourceKind.ArmedGroupMedia or SourceKind.Government;
}
