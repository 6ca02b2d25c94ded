using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Answering;

/// <summary>Builds retrieved passages by hand: one passage of the given sentences, with offsets that are exact.</summary>
internal static class Evidence
{
    public static PassageHit Hit(string articleId, string outlet, DateOnly? published, params string[] sentences) =>
        Hit(new ArticleMetadata { Id = articleId, Outlet = outlet, Published = published, Title = $"Title of {articleId}" },
            sentences.Select(s => (s, (AttributedSource?)null)).ToArray());

    public static PassageHit Hit(ArticleMetadata article, params (string Text, AttributedSource? Source)[] sentences)
    {
        var text = string.Join(' ', sentences.Select(s => s.Text));
        var offset = 0;
        var list = new List<Sentence>();
        var claims = new List<Claim>();
        for (var i = 0; i < sentences.Length; i++)
        {
            list.Add(new Sentence { Index = i, Start = offset, Text = sentences[i].Text });
            // Figures as a claim extractor would find them, enough for the composer: every number with the word after it.
            var figures = System.Text.RegularExpressions.Regex.Matches(sentences[i].Text, @"(\d[\d,]*)\s+([\p{L}-]+)")
                .Select(m => new Figure { Text = m.Value, Value = double.Parse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), Unit = m.Groups[2].Value })
                .ToList();
            claims.Add(new Claim { SentenceIndex = i, Source = sentences[i].Source, Figures = figures });
            offset += sentences[i].Text.Length + 1;
        }

        return new PassageHit
        {
            Passage = new Passage { Id = Passage.MakeId(article.Id, 0), ArticleId = article.Id, Ordinal = 0, Kind = PassageKind.Reporting, Start = 0, Text = text, Sentences = list },
            Article = article,
            Claims = claims,
            Score = 1,
        };
    }
}
