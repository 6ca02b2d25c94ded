using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Indexing;

/// <summary>A naive splitter: one passage per blank-line paragraph, one sentence per passage.</summary>
internal sealed class ParagraphSplitter : IPassageSplitter
{
    public IReadOnlyList<Passage> Split(Article article)
    {
        var passages = new List<Passage>();
        var start = 0;
        var text = article.Text;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end > start)
            {
                var body = text[start..end];
                var ordinal = passages.Count;
                passages.Add(new Passage
                {
                    Id = Passage.MakeId(article.Id, ordinal),
                    ArticleId = article.Id,
                    Ordinal = ordinal,
                    Kind = PassageKind.Reporting,
                    Start = start,
                    Text = body,
                    Sentences = [new Sentence { Index = ordinal, Start = start, Text = body }],
                });
            }

            start = end + 2;
        }

        return passages;
    }
}
