using ChatBot.Core.Configuration;
using ChatBot.Core.Corpus;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Tests.Corpus;

public sealed class SourceCatalogProviderTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly CountingCorpusReader _reader = new();
    private readonly WarningLog _log = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Current_MalformedEdit_ParsedOnceAndLastGoodCatalogKeptUntilFixed()
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        WriteSources("outlets:\n  - name: UPI\n", start);
        var provider = new SourceCatalogProvider(_reader, Paths(), _log);
        Assert.Equal(["UPI"], provider.Current.Outlets.Select(o => o.Name));

        WriteSources("outlets: [unclosed\n", start.AddMinutes(1));
        var whileMalformed = Enumerable.Range(0, 3).Select(_ => provider.Current).ToList();

        Assert.All(whileMalformed, catalog => Assert.Equal(["UPI"], catalog.Outlets.Select(o => o.Name)));
        Assert.Equal(2, _reader.CatalogReads);
        // Said once, naming the file and what is wrong with it.
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains(SourceCatalogLoader.FileName, warning, StringComparison.Ordinal);
        Assert.Contains("YAML", warning, StringComparison.Ordinal);

        WriteSources("outlets:\n  - name: UPI\n  - name: The New Arab\n", start.AddMinutes(2));

        Assert.Equal(["UPI", "The New Arab"], provider.Current.Outlets.Select(o => o.Name));
        Assert.Equal(3, _reader.CatalogReads);
        Assert.Single(_log.Warnings);
    }

    private void WriteSources(string yaml, DateTime lastWriteUtc)
    {
        // An explicit time, so each edit has its own stamp however fast the test runs.
        var path = _corpus.Write(SourceCatalogLoader.FileName, yaml);
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
    }

    private ChatBotPaths Paths() => new(_corpus.Root, "data", _corpus.Root, "prompts", null);

    /// <summary>The real reader, counting how often sources.yaml is parsed.</summary>
    private sealed class CountingCorpusReader : ICorpusReader
    {
        private readonly CorpusReader _inner = new();

        public int CatalogReads { get; private set; }

        public IReadOnlyList<CorpusFile> Scan(string corpusDirectory, CancellationToken cancellationToken) =>
            _inner.Scan(corpusDirectory, cancellationToken);

        public SourceCatalog ReadCatalog(string corpusDirectory)
        {
            CatalogReads++;
            return _inner.ReadCatalog(corpusDirectory);
        }

        public CorpusReadResult Read(CorpusFile file, CancellationToken cancellationToken) => _inner.Read(file, cancellationToken);
    }

    /// <summary>The provider's warnings, as a reader of the log sees them.</summary>
    private sealed class WarningLog : ILogger<SourceCatalogProvider>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
