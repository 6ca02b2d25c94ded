namespace ChatBot.Core.Answering;

/// <summary>The parts an answer is made of, so each door can render them distinctly.</summary>
public enum AnswerPartKind
{
    /// <summary>The short answer: at most about six cited sentences.</summary>
    Summary,

    /// <summary>"Where reports disagree": conflicts, unverified claims, denials.</summary>
    Disagreements,

    /// <summary>A note from the bot itself: a refusal, a fallback notice, an "as of" caveat.</summary>
    Note,
}
