using ChatBot.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Corpus;

/// <summary>The current corpus/sources.yaml, re-read only when the file changes (answers name outlets from it).</summary>
/// <remarks>
/// Thread-safe. A malformed edit keeps the last good catalog, is logged once with what is wrong and where, and is not
/// read again until the file changes.
/// </remarks>
public sealed class SourceCatalogProvider
{
    private readonly ICorpusReader _reader;
    private readonly string _corpusDirectory;
    private readonly string _file;
    private readonly ILogger<SourceCatalogProvider> _logger;
    private readonly Lock _gate = new();
    private volatile Loaded? _current;

    public SourceCatalogProvider(ICorpusReader reader, ChatBotPaths paths, ILogger<SourceCatalogProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _reader = reader;
        _logger = logger;
        _corpusDirectory = paths.CorpusDirectory;
        _file = Path.Combine(_corpusDirectory, SourceCatalogLoader.FileName);
    }

    public SourceCatalog Current
    {
        get
        {
            // Asked on every question: one stat (where File.Exists and File.GetLastWriteTimeUtc were two) and, while the
            // file is as last read, no lock.
            var stamp = FileStamp.Of(_file);
            if (_current is { } seen && seen.Stamp == stamp)
            {
                return seen.Catalog;
            }

            lock (_gate)
            {
                if (_current is { } cached && cached.Stamp == stamp)
                {
                    return cached.Catalog;
                }

                try
                {
                    var catalog = _reader.ReadCatalog(_corpusDirectory);
                    _current = new Loaded(stamp, catalog);
                    return catalog;
                }
                catch (CorpusFormatException ex) when (_current is { } lastGood)
                {
                    // The bad file's stamp is remembered with the last good catalog, so it is parsed (and logged) once
                    // per edit, not on every question until it is fixed.
                    CorpusLog.InvalidCatalogIgnored(_logger, ex.Message);
                    _current = lastGood with { Stamp = stamp };
                    return lastGood.Catalog;
                }
            }
        }
    }

    private sealed record Loaded(FileStamp Stamp, SourceCatalog Catalog);
}
