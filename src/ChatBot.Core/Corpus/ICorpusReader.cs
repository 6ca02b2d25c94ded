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

    /// <summary>
    /// Reads one file as a sequence of batches, lazily: a .jsonl bulk file yields about <paramref name="batchSize"/>
    /// articles at a time and is never held whole; other files yield one batch, as <see cref="Read"/> does. Together the
    /// batches hold what <see cref="Read"/> returns, in the same order, warnings with the same line numbers (warnings
    /// about the whole file come with the last batch).
    /// </summary>
    IEnumerable<CorpusReadResult> ReadBatches(CorpusFile file, int batchSize, CancellationToken cancellationToken) => [Read(file, cancellationToken)];
}
