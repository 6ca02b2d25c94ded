using System.Text.RegularExpressions;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;
using ChatBot.Core.Retrieval;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatBot.Core.Tests.Attribution;

/// <summary>
/// The seed articles as the attribution tests see them: the exact text from corpus/*.txt, cut into passages and
/// sentences listed in TestData/Attribution/*.sentences.txt (each located in the text, so offsets are exact), and
/// the source catalog read from corpus/sources.yaml. Stands in for the ingestion and splitting stages.
/// </summary>
internal static class SeedCorpus
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<SourceCatalog> LazyCatalog = new(() => ReadCatalog(Path.Combine(Root.Value, "corpus", "sources.yaml")));
    private static readonly Dictionary<string, SeedArticle> Cache = [];
    private static readonly Lock CacheLock = new();

    public static SourceCatalog Catalog => LazyCatalog.Value;

    public static IReadOnlyList<string> ArticleIds { get; } =
    [
        "newarab-divided-fronts", "newarab-aleppo-fate", "duran-palmyra-advance", "eaworldview-isis-counterattack", "upi-regime-regains",
    ];

    public static SeedArticle Load(string articleId)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(articleId, out var seed))
            {
                seed = Read(articleId);
                Cache[articleId] = seed;
            }

            return seed;
        }
    }

    /// <summary>The evidence sentence of <paramref name="articleId"/> whose text contains <paramref name="fragment"/>.</summary>
    public static EvidenceSentence Evidence(string articleId, string fragment)
    {
        var seed = Load(articleId);
        foreach (var hit in seed.Hits)
        {
            for (var i = 0; i < hit.Passage.Sentences.Count; i++)
            {
                if (Normalise(hit.Passage.Sentences[i].Text).Contains(fragment, StringComparison.Ordinal))
                {
                    return new EvidenceSentence(hit, hit.Passage.Sentences[i], hit.Claims[i]);
                }
            }
        }

        throw new InvalidOperationException($"No sentence of {articleId} contains \"{fragment}\".");
    }

    /// <summary>Every sentence of every seed article, as evidence.</summary>
    public static IReadOnlyList<EvidenceSentence> AllEvidence() =>
        [.. ArticleIds.Select(Load).SelectMany(s => s.Hits).SelectMany(h => h.Passage.Sentences.Select((sentence, i) => new EvidenceSentence(h, sentence, h.Claims[i])))];

    /// <summary>The claim of the sentence containing <paramref name="fragment"/>.</summary>
    public static Claim ClaimOf(string articleId, string fragment) => Evidence(articleId, fragment).Claim;

    private static SeedArticle Read(string articleId)
    {
        var text = File.ReadAllText(Path.Combine(Root.Value, "corpus", articleId + ".txt"));
        var lines = File.ReadAllLines(Path.Combine(Root.Value, "tests", "ChatBot.Core.Tests", "TestData", "Attribution", articleId + ".sentences.txt"));
        DateOnly? published = null;
        var outlet = ArticleMetadata.UnknownOutlet;
        var paragraphs = new List<(bool Caption, List<string> Sentences)>();
        var current = new List<string>();
        var caption = false;
        foreach (var line in lines.Append(string.Empty))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("published:", StringComparison.Ordinal))
            {
                published = DateOnly.Parse(line["published:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("outlet:", StringComparison.Ordinal))
            {
                outlet = line["outlet:".Length..].Trim();
            }
            else if (line == "@caption")
            {
                caption = true;
            }
            else if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Count > 0)
                {
                    paragraphs.Add((caption, current));
                    current = [];
                    caption = false;
                }
            }
            else
            {
                current.Add(line);
            }
        }

        var passages = new List<Passage>();
        var cursor = 0;
        var sentenceIndex = 0;
        foreach (var (isCaption, sentences) in paragraphs)
        {
            var located = new List<Sentence>();
            foreach (var sentence in sentences)
            {
                var pattern = string.Join(@"\s+", sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
                var m = new Regex(pattern).Match(text, cursor);
                if (!m.Success)
                {
                    throw new InvalidOperationException($"{articleId}: sentence not found in the article: {sentence}");
                }

                located.Add(new Sentence { Index = sentenceIndex++, Start = m.Index, Text = m.Value });
                cursor = m.Index + m.Length;
            }

            var start = located[0].Start;
            var end = located[^1].Start + located[^1].Text.Length;
            passages.Add(new Passage
            {
                Id = Passage.MakeId(articleId, passages.Count),
                ArticleId = articleId,
                Ordinal = passages.Count,
                Kind = isCaption ? PassageKind.Caption : PassageKind.Reporting,
                Start = start,
                Text = text[start..end],
                Sentences = located,
            });
        }

        var metadata = new ArticleMetadata { Id = articleId, Outlet = outlet, Published = published };
        var article = new Article { Metadata = metadata, Text = text, SourcePath = articleId + ".txt", Segments = [] };
        var claims = new LexicalClaimExtractor().Extract(article, passages, Catalog);
        var hits = new List<PassageHit>();
        var offset = 0;
        foreach (var passage in passages)
        {
            hits.Add(new PassageHit { Passage = passage, Article = metadata, Claims = [.. claims.Skip(offset).Take(passage.Sentences.Count)], Score = 1 });
            offset += passage.Sentences.Count;
        }

        return new SeedArticle(article, passages, claims, hits);
    }

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ");

    private static SourceCatalog ReadCatalog(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var file = deserializer.Deserialize<CatalogFile>(File.ReadAllText(path));
        return new SourceCatalog
        {
            Outlets = [.. file.Outlets.Select(o => new Outlet { Name = o.Name, Aliases = o.Aliases })],
            Sources = [.. file.Sources.Select(s => new NamedSource { Name = s.Name, Aliases = s.Aliases, Kind = Enum.Parse<SourceKind>(s.Kind.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true) })],
        };
    }

    private static string FindRoot()
    {
        foreach (var from in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "corpus", "sources.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "tests")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (corpus/sources.yaml) above " + AppContext.BaseDirectory);
    }

    private sealed class CatalogFile
    {
        public List<CatalogEntry> Outlets { get; set; } = [];

        public List<CatalogEntry> Sources { get; set; } = [];
    }

    private sealed class CatalogEntry
    {
        public string Name { get; set; } = string.Empty;

        public List<string> Aliases { get; set; } = [];

        public string Kind { get; set; } = "unknown";
    }
}

/// <summary>One seed article with its passages, claims and the passage hits built from them.</summary>
internal sealed record SeedArticle(Article Article, IReadOnlyList<Passage> Passages, IReadOnlyList<Claim> Claims, IReadOnlyList<PassageHit> Hits);
