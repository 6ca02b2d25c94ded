namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>The ways a synthetic corpus deliberately breaks a few of its files, so ingestion's warnings get exercised.</summary>
public enum SyntheticMalformedKind
{
    /// <summary>A zero-byte file (or an empty .jsonl line body).</summary>
    Empty,

    /// <summary>Bytes that are not text at all (a misnamed image).</summary>
    Binary,

    /// <summary>Text in Windows-1252, invalid as UTF-8.</summary>
    BadEncoding,

    /// <summary>A readable article no signature, folder or metadata ties to an outlet.</summary>
    UnknownOutlet,

    /// <summary>A .jsonl line that is not valid JSON.</summary>
    InvalidJson,
}
