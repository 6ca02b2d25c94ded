namespace ChatBot.Core.Corpus;

/// <summary>
/// A paragraph-sized chunk of reporting (or one caption), tied to its article. Long paragraphs are split at
/// sentence boundaries. <see cref="Text"/> is exactly <c>article.Text.Substring(Start, Text.Length)</c>.
/// </summary>
public sealed record Passage
{
    /// <summary>"ARTICLE-ID#ORDINAL", stable while the article is unchanged.</summary>
    public required string Id { get; init; }

    public required string ArticleId { get; init; }

    /// <summary>Position among the article's passages (0-based).</summary>
    public required int Ordinal { get; init; }

    public required PassageKind Kind { get; init; }

    public required int Start { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<Sentence> Sentences { get; init; }

    /// <summary>
    /// What a reader has just read before this passage: the sub-headline in force (when an article carries a second
    /// story) and the last sentence of the passage before it. Search matches it and answers use it to know what "the
    /// desert city" or "the province" is; it is never quoted or cited. Null when there is none.
    /// </summary>
    public string? Context { get; init; }

    /// <summary>Where <see cref="Context"/> comes from in the article text (how the index stores it).</summary>
    public IReadOnlyList<TextRange> ContextRanges { get; init; } = [];

    public static string MakeId(string articleId, int ordinal) => $"{articleId}#{ordinal}";
}
