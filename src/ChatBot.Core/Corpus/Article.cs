namespace ChatBot.Core.Corpus;

/// <summary>
/// One ingested article: its metadata, its text exactly as read, and how that text divides into reporting and
/// everything else. Every quote the bot shows is a substring of <see cref="Text"/>.
/// </summary>
public sealed record Article
{
    public required ArticleMetadata Metadata { get; init; }

    /// <summary>The article text as read: a .txt/.md file's decoded content, an .html page's extracted text, a JSON body.</summary>
    public required string Text { get; init; }

    /// <summary>The file it came from, relative to the corpus folder (a .jsonl line adds "#LINE").</summary>
    public required string SourcePath { get; init; }

    /// <summary>The classified segments of <see cref="Text"/>, in order, non-overlapping.</summary>
    public required IReadOnlyList<TextSegment> Segments { get; init; }

    public string Id => Metadata.Id;
}
