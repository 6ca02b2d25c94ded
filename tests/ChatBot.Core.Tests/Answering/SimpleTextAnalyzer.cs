using ChatBot.Core.Analysis;

namespace ChatBot.Core.Tests.Answering;

/// <summary>A hand-written stand-in for the analysis chain: lower-cased words, a few stop words, plural s dropped, "IS" kept apart from "is".</summary>
internal sealed class SimpleTextAnalyzer : ITextAnalyzer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are", "was", "were", "be", "by", "for", "with", "that",
        "it", "its", "as", "at", "from", "this", "which", "did", "do", "does", "what", "how", "who", "when", "they", "their",
    };

    public bool IsEntity(string term) => term is "islamicstate" or "palmyra" or "aleppo";

    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var raw in text.Split((char[])[' ', ',', '.', '?', '!', '"', '“', '”', '’', '\'', '[', ']', '(', ')', ':', ';', '\n', '\u00a0'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "IS")
            {
                terms.Add("islamicstate");
                continue;
            }

            var word = raw.ToLowerInvariant();
            if (StopWords.Contains(word))
            {
                continue;
            }

            terms.Add(word.Length > 3 && word.EndsWith('s') ? word[..^1] : word);
        }

        return terms;
    }
}
