namespace ChatBot.Core.Corpus;

/// <summary>
/// Passages of reporting about a paragraph long: short consecutive paragraphs (pages that put every sentence on its
/// own line) are joined until the passage reaches <see cref="MinPassageChars"/>, so a sentence keeps the context it
/// leans on ("the desert city" after "Palmyra"); a paragraph longer than <see cref="MaxPassageChars"/> is cut at
/// sentence boundaries (a single longer sentence stays whole). Each caption is a passage of its own, and anything
/// that is not reporting between two paragraphs ends the passage.
/// </summary>
/// <remarks>Stateless, pure and thread-safe.</remarks>
public sealed class PassageSplitter : IPassageSplitter
{
    /// <summary>Paragraphs longer than this are split at sentence boundaries.</summary>
    public const int MaxPassageChars = 700;

    /// <summary>A passage shorter than this takes in the next paragraph, if that keeps it under <see cref="MaxPassageChars"/>.</summary>
    public const int MinPassageChars = 320;

    public IReadOnlyList<Passage> Split(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var passages = new List<Passage>();
        var sentenceIndex = 0;
        var chunk = new List<(int Start, int Length)>();
        var sentences = new List<(int Start, int Length)>(); // one list for every paragraph's sentences
        var chunkKind = PassageKind.Reporting;
        TextRange? heading = null;
        TextRange? lastSentence = null;
        foreach (var segment in article.Segments)
        {
            if (segment.Kind is not (SegmentKind.Reporting or SegmentKind.Caption))
            {
                Emit();
                // A headline other than the article's own opens a second story: it is the context of what follows.
                if (segment.Kind == SegmentKind.Headline && !IsTitle(text.AsSpan(segment.Start, segment.Length).Trim(), article.Metadata.Title))
                {
                    heading = new TextRange(segment.Start, segment.Length);
                    lastSentence = null;
                }

                continue;
            }

            var kind = segment.Kind == SegmentKind.Caption ? PassageKind.Caption : PassageKind.Reporting;
            if (kind == PassageKind.Caption || chunkKind == PassageKind.Caption || Length(chunk) >= MinPassageChars)
            {
                Emit();
            }

            chunkKind = kind;
            sentences.Clear();
            SentenceSplitter.Split(text, segment.Start, segment.End, sentences);
            foreach (var span in sentences)
            {
                if (chunk.Count > 0 && span.Start + span.Length - chunk[0].Start > MaxPassageChars)
                {
                    Emit();
                }

                chunk.Add(span);
            }

            if (kind == PassageKind.Caption)
            {
                Emit();
            }
        }

        Emit();
        return passages;

        void Emit()
        {
            if (chunk.Count == 0)
            {
                return;
            }

            var start = chunk[0].Start;
            var end = chunk[^1].Start + chunk[^1].Length;
            var ordinal = passages.Count;
            // Written out rather than with Linq (OfType, Select, Join): Emit runs for every passage, and the iterators,
            // boxed ranges and closures cost more than the passage's own strings.
            TextRange[] context = (heading, lastSentence) switch
            {
                ({ } h, { } l) => [h, l],
                ({ } h, null) => [h],
                (null, { } l) => [l],
                _ => [],
            };
            var sentenceArray = new Sentence[chunk.Count];
            for (var k = 0; k < chunk.Count; k++)
            {
                sentenceArray[k] = new Sentence { Index = sentenceIndex++, Start = chunk[k].Start, Text = text.Substring(chunk[k].Start, chunk[k].Length) };
            }

            passages.Add(new Passage
            {
                Id = Passage.MakeId(article.Id, ordinal),
                ArticleId = article.Id,
                Ordinal = ordinal,
                Kind = chunkKind,
                Start = start,
                Text = text[start..end],
                Sentences = sentenceArray,
                Context = context.Length switch
                {
                    0 => null,
                    1 => context[0].Of(text).Trim(),
                    _ => $"{context[0].Of(text).Trim()} {context[1].Of(text).Trim()}",
                },
                ContextRanges = context,
            });
            if (chunkKind == PassageKind.Reporting)
            {
                lastSentence = new TextRange(chunk[^1].Start, chunk[^1].Length);
            }

            chunk.Clear();
        }
    }

    private static bool IsTitle(ReadOnlySpan<char> headline, string? title) => title is not null && headline.SequenceEqual(title);

    private static int Length(List<(int Start, int Length)> chunk) =>
        chunk.Count == 0 ? 0 : chunk[^1].Start + chunk[^1].Length - chunk[0].Start;
}
