namespace ChatBot.Core.Corpus;

/// <summary>The two kinds of text that may be evidence.</summary>
public enum PassageKind
{
    Reporting,
    Caption,
}
