namespace ChatBot.Core.Corpus;

/// <summary>
/// One passage per paragraph of reporting, one per caption; a paragraph longer than <see cref="MaxPassageChars"/> is
/// cut at sentence boundaries into passages of at most that size (a single longer sentence stays whole).
/// </summary>
/// <remarks>Stateless, pure and thread-safe.</remarks>
public sealed class PassageSplitter : IPassageSplitter
{
    /// <summary>Paragraphs longer than this are split at sentence boundaries.</summary>
    public const int MaxPassageChars = 700;

    public IReadOnlyList<Passage> Split(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var passages = new List<Passage>();
        var sentenceIndex = 0;
        foreach (var segment in article.Segments)
        {
            if (segment.Kind is not (SegmentKind.Reporting or SegmentKind.Caption))
            {
                continue;
            }

            var kind = segment.Kind == SegmentKind.Caption ? PassageKind.Caption : PassageKind.Reporting;
            var spans = SentenceSplitter.Split(text, segment.Start, segment.End);
            var chunk = new List<(int Start, int Length)>();
            foreach (var span in spans)
            {
                if (chunk.Count > 0 && span.Start + span.Length - chunk[0].Start > MaxPassageChars)
                {
                    Emit(chunk);
                    chunk.Clear();
                }

                chunk.Add(span);
            }

            Emit(chunk);

            void Emit(List<(int Start, int Length)> sentences)
            {
                if (sentences.Count == 0)
                {
                    return;
                }

                var start = sentences[0].Start;
                var end = sentences[^1].Start + sentences[^1].Length;
                var ordinal = passages.Count;
                passages.Add(new Passage
                {
                    Id = Passage.MakeId(article.Id, ordinal),
                    ArticleId = article.Id,
                    Ordinal = ordinal,
                    Kind = kind,
                    Start = start,
                    Text = text[start..end],
                    Sentences = sentences.Select(s => new Sentence { Index = sentenceIndex++, Start = s.Start, Text = text.Substring(s.Start, s.Length) }).ToArray(),
                });
            }
        }

        return passages;
    }
}
