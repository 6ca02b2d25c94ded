using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Answering;

/// <summary>Numbers the sentences an answer cites, in order of first use; a sentence cited twice keeps its number.</summary>
/// <remarks>One per answer; not thread-safe.</remarks>
internal sealed class CitationLedger
{
    private readonly Dictionary<(string PassageId, int Sentence), int> _numbers = [];
    private readonly List<Citation> _citations = [];

    public IReadOnlyList<Citation> Citations => _citations;

    public int Cite(EvidenceSentence evidence)
    {
        var key = (evidence.Hit.Passage.Id, evidence.Sentence.Index);
        if (_numbers.TryGetValue(key, out var n))
        {
            return n;
        }

        n = _citations.Count + 1;
        _numbers[key] = n;
        var article = evidence.Article;
        var source = evidence.Claim.Source;
        _citations.Add(new Citation
        {
            N = n,
            ArticleId = article.Id,
            Outlet = article.Outlet,
            Title = article.Title,
            Published = article.Published,
            Url = article.Url,
            Quote = SentenceText.Quote(evidence),
            Source = source?.Name,
            SourceKind = source?.Kind,
            SourceVia = source?.Via,
            IsCaption = evidence.IsCaption,
            PassageId = evidence.Hit.Passage.Id,
        });
        return n;
    }
}
