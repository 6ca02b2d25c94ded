using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Indexing;

/// <summary>A corpus held in memory: one article per "file", built from strings. Counts reads; can run a hook per read.</summary>
internal sealed class FakeCorpusReader : ICorpusReader
{
    private readonly Dictionary<string, ArticleMetadata> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    /// <summary>Runs before each file is read (e.g. to cancel a build half-way or query mid-build).</summary>
    public Action<CorpusFile>? OnRead { get; set; }

    public void Put(string id, string text, string outlet = "Test Outlet", DateOnly? published = null)
    {
        _texts[id] = text;
        _articles[id] = new ArticleMetadata { Id = id, Outlet = outlet, Published = published, Title = id };
    }

    public void Remove(string id)
    {
        _texts.Remove(id);
        _articles.Remove(id);
    }

    public IReadOnlyList<CorpusFile> Scan(string corpusDirectory, CancellationToken cancellationToken) =>
        _texts.Keys.Order(StringComparer.Ordinal)
            .Select(id => new CorpusFile(Path.Combine(corpusDirectory, id + ".txt"), id + ".txt", Fingerprint(id)))
            .ToList();

    public SourceCatalog ReadCatalog(string corpusDirectory) => SourceCatalog.Empty;

    public CorpusReadResult Read(CorpusFile file, CancellationToken cancellationToken)
    {
        Reads++;
        OnRead?.Invoke(file);
        var id = Path.GetFileNameWithoutExtension(file.RelativePath);
        var text = _texts[id];
        var article = new Article
        {
            Metadata = _articles[id],
            Text = text,
            SourcePath = file.RelativePath,
            Segments = [new TextSegment(SegmentKind.Reporting, 0, text.Length)],
        };
        return new CorpusReadResult([article], []);
    }

    private string Fingerprint(string id) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_texts[id] + "|" + _articles[id])));
}
