namespace ChatBot.Core.Answering;

/// <summary>How an answer was written (design.md: <c>mode</c>).</summary>
public enum AnswerMode
{
    /// <summary>Sentences taken from the reporting, each attributed and cited (the embedded default).</summary>
    Extractive,

    /// <summary>Written by a chat model and passed the grounding check first time.</summary>
    Generative,

    /// <summary>Written by a chat model and passed the grounding check after one repair round.</summary>
    Repaired,

    /// <summary>The model failed (unreachable, circuit open, ungrounded twice): extractive, and the answer says so.</summary>
    Fallback,
}
