namespace ChatBot.Core.Answering;

/// <summary>What kind of statement would answer a question, read from its wording.</summary>
public enum AnswerShape
{
    /// <summary>Anything relevant.</summary>
    Any,

    /// <summary>"How many", "how much", "what share": a sentence stating a figure.</summary>
    Figure,

    /// <summary>"How close", "how far": a sentence stating a distance.</summary>
    Distance,

    /// <summary>"When": a sentence stating a time.</summary>
    Time,

    /// <summary>"Who said", "according to whom": a sentence naming its source.</summary>
    Source,

    /// <summary>"Who holds", "who controls": a sentence saying who took, held or lost a place.</summary>
    Control,
}
