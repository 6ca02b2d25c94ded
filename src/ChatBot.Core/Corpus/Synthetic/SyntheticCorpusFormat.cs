namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>How a synthetic corpus is written.</summary>
public enum SyntheticCorpusFormat
{
    /// <summary>One article per file (.txt, .md, .html, .json, some with sidecars), sharded in outlet folders.</summary>
    Files,

    /// <summary>One bulk articles.jsonl file in the peers' shape (id, outlet, title, published, byline, url, body).</summary>
    Jsonl,
}
