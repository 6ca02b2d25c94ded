namespace ChatBot.Core.Attribution;

/// <summary>
/// The editable word lists claim extraction and dispute detection read: reporting verbs that attribute a statement to
/// its subject, and loaded framing words the bot must never adopt in its own voice. Extend a copy with <c>with</c>:
/// <c>AttributionLexicon.Default with { LoadedTerms = [.. AttributionLexicon.Default.LoadedTerms, "traitors"] }</c>.
/// </summary>
/// <remarks>Immutable; safe to share between threads. Words are matched whole and case-insensitively.</remarks>
public sealed record AttributionLexicon
{
    private static readonly string[] DefaultLoadedTermList =
    [
        "terrorists", "terrorist", "terror groups", "bandits", "cronies", "martyrs", "martyr", "martyred", "martyrdom",
        "liberated", "liberate", "liberation", "liberating", "rats", "thugs", "infidels", "crusaders", "apostates",
        "mercenaries", "takfiri", "takfiris", "savages", "puppet", "puppets", "butcher", "criminal gangs", "heroic",
        "so-called", "occupiers", "invaders", "hordes",
    ];

    private static readonly string[] DefaultReportingVerbList =
    [
        "said", "says", "say", "told", "tells", "tell", "reported", "reports", "report", "claimed", "claims", "claim",
        "stated", "states", "announced", "announces", "confirmed", "confirms", "declared", "declares", "maintains",
        "maintained", "insisted", "insists", "added", "adds", "warned", "warns", "estimated", "estimates", "estimate",
        "acknowledged", "acknowledges", "admitted", "admits", "noted", "notes", "alleged", "alleges", "summarizes",
        "summarised", "summarises", "summarized", "saying", "explained", "explains", "wrote", "writes", "tweeted",
        "documented", "counted", "recorded",
    ];

    /// <summary>Framing words kept attributed, never used in the bot's own voice: "terrorists", "liberated", "bandits".</summary>
    public IReadOnlyList<string> LoadedTerms { get; init; } = DefaultLoadedTermList;

    /// <summary>Verbs that attribute what follows (or precedes) to their subject: "said", "told", "claimed", "maintains".</summary>
    public IReadOnlyList<string> ReportingVerbs { get; init; } = DefaultReportingVerbList;

    /// <summary>The lists shipped with the bot.</summary>
    public static AttributionLexicon Default { get; } = new();
}
