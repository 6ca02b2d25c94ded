namespace ChatBot.Core.Corpus;

/// <summary>
/// Reads the corpus folder: which article files there are (with fingerprints, so an index update re-reads only
/// what changed) and what each yields. A broken file is a warning naming the file and reason, never an exception.
/// </summary>
/// <remarks>Thread-safe. sources.yaml is re-read by <see cref="Scan"/> so edits to it take effect.</remarks>
public interface ICorpusReader
{
    /// <summary>The article files under <paramref name="corpusDirectory"/> (subfolders included), in a stable order.</summary>
    /// <exception cref="CorpusFormatException">sources.yaml is malformed (file, line, reason).</exception>
    IReadOnlyList<CorpusFile> Scan(string corpusDirectory, CancellationToken cancellationToken);

    /// <summary>Reads corpus/sources.yaml (an empty catalog when there is none).</summary>
    /// <exception cref="CorpusFormatException">sources.yaml is malformed (file, line, reason).</exception>
    SourceCatalog ReadCatalog(string corpusDirectory);

    /// <summary>Reads one file: its articles, metadata resolved by precedence, text segmented into reporting and the rest.</summary>
    CorpusReadResult Read(CorpusFile file, CancellationToken cancellationToken);
}
