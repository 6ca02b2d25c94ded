using ChatBot.Core.Answering;

namespace ChatBot.Server.Streaming;

/// <summary>
/// What a door shows next of a streamed answer: the whole text so far as chunk <see cref="Sequence"/> (from 1), or the
/// <see cref="Final"/> answer, which replaces everything shown before it.
/// </summary>
public sealed record AnswerStreamStep
{
    /// <summary>The sentences shown so far, joined; null on the final step.</summary>
    public string? Text { get; init; }

    /// <summary>1 for the first chunk, one more for each after it; 0 on the final step.</summary>
    public int Sequence { get; init; }

    /// <summary>The finished answer; set on the last step only.</summary>
    public Answer? Final { get; init; }
}
