using ChatBot.Core.Analysis;

namespace ChatBot.Core.Indexing;

/// <summary>
/// The analysis chain the index is built with right now. aliases.yaml lives in the corpus, so an edit to it gives the
/// index a new chain; every stage that compares texts asks through this, and so always agrees with search.
/// </summary>
public sealed class IndexTextAnalyzer(Fts5PassageIndex index) : ITextAnalyzer
{
    public IReadOnlyList<string> Terms(string text) => index.Analyzer.Terms(text);

    public bool IsEntity(string term) => index.Analyzer.IsEntity(term);
}
