namespace ChatBot.Core.Attribution;

/// <summary>
/// Which of the readers' trigger words a sentence holds, from one pass over its words. Every pattern a reader runs
/// begins or ends with a whole word from its set, so a reader whose flag is clear has nothing to find and is skipped;
/// most sentences hold no cue, hedge, number or time word and cost only this pass.
/// </summary>
[Flags]
internal enum SentenceKeywords
{
    None = 0,

    /// <summary>A word a reporting cue starts with ("said", "according", "denied"), per lexicon.</summary>
    Cue = 1 << 0,

    /// <summary>The first word of a loaded framing term ("terrorists", "so" of "so-called"), per lexicon.</summary>
    Loaded = 1 << 1,

    /// <summary>An ASCII digit anywhere.</summary>
    Digit = 1 << 2,

    /// <summary>A number word ("twenty", "dozens").</summary>
    NumberWord = 1 << 3,

    HedgeAlleged = 1 << 4,
    HedgeReported = 1 << 5,
    HedgeClaimed = 1 << 6,
    HedgeAppears = 1 << 7,
    HedgeUnverifiable = 1 << 8,
    HedgeDenied = 1 << 9,
    HedgeRefused = 1 << 10,

    /// <summary>A capitalised month name or abbreviation ("March", "Sept").</summary>
    Month = 1 << 11,

    /// <summary>A capitalised weekday ("Friday").</summary>
    Weekday = 1 << 12,

    /// <summary>"ago".</summary>
    Ago = 1 << 13,

    /// <summary>A word every relative time phrase holds ("yesterday", "week", "night").</summary>
    Relative = 1 << 14,

    /// <summary>
    /// The sentence holds a character that case-insensitive regex matching equates with an ASCII letter (Kelvin sign,
    /// long s, dotted and dotless i): every flag is set and cue positions are unknown, so every reader runs as before.
    /// </summary>
    Unscanned = 1 << 15,

    // The words of the clause boundaries a subject is read after (" but ", " that ", " after " ...): a boundary whose word
    // the sentence lacks is not searched for.
    ClauseBut = 1 << 16,
    ClauseThat = 1 << 17,
    ClauseAfter = 1 << 18,
    ClauseAlthough = 1 << 19,
    ClauseThough = 1 << 20,
    ClauseWhile = 1 << 21,
    ClauseBecause = 1 << 22,
    ClauseBefore = 1 << 23,
    ClauseSince = 1 << 24,
    ClauseWhen = 1 << 25,
    ClauseWhereas = 1 << 26,
    ClauseUntil = 1 << 27,
    ClauseEven = 1 << 28,

    /// <summary>Every flag, a flag added later included: every reader runs.</summary>
    All = ~None,
}
