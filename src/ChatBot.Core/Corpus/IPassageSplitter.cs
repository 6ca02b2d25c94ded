namespace ChatBot.Core.Corpus;

/// <summary>
/// Cuts an article's reporting and caption segments into passages (paragraph-sized, long paragraphs split at sentence
/// boundaries), each with its sentences and their offsets. Never yields a passage from non-reporting text.
/// </summary>
/// <remarks>Thread-safe and pure.</remarks>
public interface IPassageSplitter
{
    IReadOnlyList<Passage> Split(Article article);
}
