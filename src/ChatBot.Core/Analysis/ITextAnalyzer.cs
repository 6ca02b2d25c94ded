namespace ChatBot.Core.Analysis;

/// <summary>
/// The text-analysis chain used at index time and query time alike, exposed for the stages that compare texts
/// (sentence relevance, follow-up resolution, the support check): the same folding, alias canonicalisation,
/// lower-casing, stop words and stemming the index uses, so a question's "Daesh" meets a passage's "IS".
/// </summary>
/// <remarks>Thread-safe and pure.</remarks>
public interface ITextAnalyzer
{
    /// <summary>The content terms of <paramref name="text"/>, in order, after the whole chain.</summary>
    IReadOnlyList<string> Terms(string text);

    /// <summary>True when <paramref name="term"/> (an output of <see cref="Terms"/>) names an aliases.yaml entry: a place, group or person.</summary>
    bool IsEntity(string term);
}
