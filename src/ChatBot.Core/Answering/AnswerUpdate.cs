namespace ChatBot.Core.Answering;

/// <summary>
/// A step of a streamed answer: sentences that passed the grounding check as they are written, then the final
/// answer, which replaces whatever was streamed (it may differ after a repair or a fallback).
/// </summary>
public sealed record AnswerUpdate
{
    /// <summary>A sentence to show now, or null on the final update.</summary>
    public string? Sentence { get; init; }

    /// <summary>The complete answer; set on the last update only.</summary>
    public Answer? Final { get; init; }
}
