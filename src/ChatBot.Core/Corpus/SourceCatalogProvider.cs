using ChatBot.Core.Configuration;

namespace ChatBot.Core.Corpus;

/// <summary>The current corpus/sources.yaml, re-read only when the file changes (answers name outlets from it).</summary>
/// <remarks>Thread-safe. A malformed edit keeps the last good catalog.</remarks>
public sealed class SourceCatalogProvider
{
    private readonly ICorpusReader _reader;
    private readonly string _corpusDirectory;
    private readonly Lock _gate = new();
    private (DateTime Stamp, SourceCatalog Catalog)? _current;

    public SourceCatalogProvider(ICorpusReader reader, ChatBotPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _reader = reader;
        _corpusDirectory = paths.CorpusDirectory;
    }

    public SourceCatalog Current
    {
        get
        {
            var file = Path.Combine(_corpusDirectory, "sources.yaml");
            var stamp = File.Exists(file) ? File.GetLastWriteTimeUtc(file) : DateTime.MinValue;
            lock (_gate)
            {
                if (_current is { } cached && cached.Stamp == stamp)
                {
                    return cached.Catalog;
                }

                try
                {
                    var catalog = _reader.ReadCatalog(_corpusDirectory);
                    _current = (stamp, catalog);
                    return catalog;
                }
                catch (CorpusFormatException) when (_current is { } lastGood)
                {
                    return lastGood.Catalog;
                }
            }
        }
    }
}
