namespace ChatBot.Core.Corpus;

/// <summary>A news outlet as listed in sources.yaml.</summary>
public sealed record Outlet
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Homepage { get; init; }

    /// <summary>Phrases that identify the outlet's pages, e.g. "(UPI) --".</summary>
    public IReadOnlyList<string> Signatures { get; init; } = [];

    public string? Licence { get; init; }

    /// <summary>The longest quote the outlet's terms allow, if they set one.</summary>
    public int? MaxQuoteChars { get; init; }
}
