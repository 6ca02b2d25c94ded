using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatBot.Core.Corpus.Synthetic;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Tests.Corpus.Synthetic;

public sealed partial class SyntheticCorpusGeneratorTests : IDisposable
{
    private static readonly string[] ArticleExtensions = [".txt", ".md", ".html", ".json"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "chatbot-synth-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Generate_SameSeedTwice_WritesByteIdenticalFiles()
    {
        Generate("a", 300);
        Generate("b", 300);

        var a = Snapshot(Path.Combine(_root, "a"));
        var b = Snapshot(Path.Combine(_root, "b"));
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in a)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs between two runs with the same seed");
        }
    }

    [Fact]
    public void Generate_JsonlSameSeedTwice_WritesByteIdenticalFile()
    {
        Generate("a", 700, SyntheticCorpusFormat.Jsonl);
        Generate("b", 700, SyntheticCorpusFormat.Jsonl);

        Assert.Equal(
            File.ReadAllBytes(Path.Combine(_root, "a", SyntheticCorpusGenerator.JsonlFileName)),
            File.ReadAllBytes(Path.Combine(_root, "b", SyntheticCorpusGenerator.JsonlFileName)));
    }

    [Fact]
    public void Generate_DifferentSeeds_WriteDifferentArticles()
    {
        Generate("a", 50, SyntheticCorpusFormat.Jsonl, seed: 1);
        Generate("b", 50, SyntheticCorpusFormat.Jsonl, seed: 2);

        Assert.NotEqual(
            File.ReadAllText(Path.Combine(_root, "a", SyntheticCorpusGenerator.JsonlFileName)),
            File.ReadAllText(Path.Combine(_root, "b", SyntheticCorpusGenerator.JsonlFileName)));
    }

    [Fact]
    public void Generate_SmallerCorpus_IsPrefixOfLargerOne()
    {
        var small = ValidLines(Generate("small", 400, SyntheticCorpusFormat.Jsonl, malformedEvery: 10_000)).ToList();
        var large = ValidLines(Generate("large", 1200, SyntheticCorpusFormat.Jsonl, malformedEvery: 10_000)).Take(small.Count).ToList();
        Assert.Equal(400, small.Count);
        Assert.Equal(small, large);
    }

    [Fact]
    public void Generate_Files_WritesOneArticleFilePerArticleInOutletFolders()
    {
        var report = Generate("c", 1500);

        var articleFiles = ArticleFiles(report.Directory).ToList();
        Assert.Equal(1500, articleFiles.Count);
        Assert.Equal(1500, articleFiles.Distinct(StringComparer.Ordinal).Count());
        var folders = articleFiles.Select(f => f.Split('/')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["euphratesdaily", "levantwire", "orontespost", "syriadesk"], folders);
        Assert.Contains(articleFiles, f => f.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains(articleFiles, f => f.EndsWith(".md", StringComparison.Ordinal));
        Assert.Contains(articleFiles, f => f.EndsWith(".json", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(report.Directory, "sources.yaml")));
        Assert.True(File.Exists(Path.Combine(report.Directory, "aliases.yaml")));
        Assert.NotEmpty(Directory.EnumerateFiles(report.Directory, "*.meta.yaml", SearchOption.AllDirectories));
    }

    [Fact]
    public void Generate_Jsonl_WritesOneObjectPerArticleInPeersShape()
    {
        var report = Generate("j", 2500, SyntheticCorpusFormat.Jsonl);

        var articles = ValidLines(report).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2500, articles.Count);
        foreach (var field in new[] { "id", "outlet", "title", "published", "byline", "url", "body" })
        {
            Assert.All(articles, a => Assert.Equal(JsonValueKind.String, a.GetProperty(field).ValueKind));
        }

        Assert.Equal(2500, articles.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.Contains("\n\n", articles[0].GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Files_PagesCarryChromeCaptionsCommentsAndLinkLists()
    {
        var text = AllArticleText(Generate("f", 400).Directory);

        Assert.Contains("Advertisement", text, StringComparison.Ordinal);
        Assert.Contains("Share this article", text, StringComparison.Ordinal);
        Assert.Contains("Related Posts", text, StringComparison.Ordinal);
        Assert.Matches(@"\[(AFP|Reuters|Anadolu|AP|Getty Images|EPA)\] \|", text);
        Assert.Matches(@"Photo by [A-Z][a-z]+ [A-Za-z-]+/(Levant Wire|AFP|Reuters|Anadolu|AP|Getty Images|EPA)", text);
        Assert.Matches(@"\d+ comments\n", text);
        Assert.Matches(@"\d+ Responses to ""Syria Desk:", text);
        Assert.Contains("<figcaption>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Files_DatesComeInTheOutletsOwnStyles()
    {
        var text = AllArticleText(Generate("d", 200).Directory);

        Assert.Matches(@"\n\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December), \d{4}\n", text);
        Assert.Matches(@"[A-Z]+, (Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2} \(Levant Wire\) --", text);
        Assert.Matches(@"<time datetime=""\d{4}-\d{2}-\d{2}"">", text);
        Assert.Matches(@"\npublished: \d{4}-\d{2}-\d{2}\n", text);
    }

    [Fact]
    public void Generate_Files_ReportingSpellsNamesSeveralWaysAndAttributesAndHedges()
    {
        var text = AllArticleText(Generate("v", 1200).Directory);

        foreach (var spelling in new[] { "Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Hezbollah", "Hizbollah", "Daesh", "ISIS", " IS ", "Islamic State", "Palmyra", "Tadmur" })
        {
            Assert.Contains(spelling, text, StringComparison.Ordinal);
        }

        foreach (var phrase in new[] { "the Syrian Observatory for Human Rights said", "told Reuters", "according to state media", "could not be independently verified", "allegedly", "denied" })
        {
            Assert.Contains(phrase, text, StringComparison.Ordinal);
        }

        Assert.Matches(@"(at least|more than|nearly|about|some) \d[\d,]* (people|civilians)", text);
        Assert.Matches(@"\d+ kilometres \(\d+ miles\)", text);
        Assert.Matches(@"\d+ tonnes", text);
    }

    [Fact]
    public void Compose_OneStory_IsReportedByThreeOutletsAndDisputedStoriesGiveDifferentTolls()
    {
        var disputedWithDifferentTolls = 0;
        for (var story = 0; story < 60; story++)
        {
            var articles = Enumerable.Range(story * 3, 3).Select(i => SyntheticCorpusGenerator.Compose(42, i)).ToList();
            Assert.Equal(3, articles.Select(a => a.Outlet).Distinct().Count());
            Assert.All(articles, a => Assert.Equal(story, a.Story));
            var tolls = articles.Select(a => TollPattern().Match(a.Paragraphs[0])).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().Count();
            if (tolls > 1)
            {
                disputedWithDifferentTolls++;
            }
        }

        Assert.True(disputedWithDifferentTolls >= 5, $"only {disputedWithDifferentTolls} of 60 stories had conflicting tolls");
    }

    [Fact]
    public void Generate_Files_IncludesEachKindOfMalformedFile()
    {
        var report = Generate("m", 100);

        Assert.Equal(
            [SyntheticMalformedKind.Empty, SyntheticMalformedKind.Binary, SyntheticMalformedKind.BadEncoding, SyntheticMalformedKind.UnknownOutlet],
            report.Malformed.Select(m => m.Kind).Distinct());
        byte[] Bytes(SyntheticMalformedKind kind) => File.ReadAllBytes(Path.Combine(report.Directory, report.Malformed.First(m => m.Kind == kind).RelativePath));

        Assert.Empty(Bytes(SyntheticMalformedKind.Empty));
        Assert.Contains((byte)0, Bytes(SyntheticMalformedKind.Binary));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Bytes(SyntheticMalformedKind.BadEncoding)));
        var unsigned = Encoding.UTF8.GetString(Bytes(SyntheticMalformedKind.UnknownOutlet));
        Assert.True(unsigned.Length > 500);
        Assert.All(Signatures(report.Directory), s => Assert.DoesNotContain(s, unsigned, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_Jsonl_IncludesBrokenLines()
    {
        var report = Generate("jm", 100, SyntheticCorpusFormat.Jsonl);

        Assert.Equal(
            [SyntheticMalformedKind.InvalidJson, SyntheticMalformedKind.Empty, SyntheticMalformedKind.BadEncoding, SyntheticMalformedKind.UnknownOutlet],
            report.Malformed.Select(m => m.Kind));
        var lines = File.ReadAllBytes(Path.Combine(report.Directory, SyntheticCorpusGenerator.JsonlFileName)).AsSpan();
        var count = lines.Count((byte)'\n');
        Assert.Equal(104, count);
        Assert.Equal($"{SyntheticCorpusGenerator.JsonlFileName}#101", report.Malformed[0].RelativePath);
    }

    [Fact]
    public void Generate_SourcesYaml_ListsEveryOutletWithASignatureItsPagesCarry()
    {
        var report = Generate("s", 200);

        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(report.Directory, "sources.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var outlets = (YamlSequenceNode)root["outlets"];
        Assert.Equal(4, outlets.Children.Count);
        var sources = (YamlSequenceNode)root["sources"];
        var kinds = sources.Children.Select(s => ((YamlScalarNode)((YamlMappingNode)s)["kind"]).Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "monitor", "government", "armed-group", "armed-group-media", "news-agency", "official", "unnamed" }, kinds);

        foreach (YamlMappingNode outlet in outlets.Children.Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)outlet["name"]).Value!;
            var signature = ((YamlScalarNode)((YamlSequenceNode)outlet["signatures"]).Children[0]).Value!;
            var ownPages = ArticleFiles(report.Directory)
                .Select(f => File.ReadAllText(Path.Combine(report.Directory, f)))
                .Where(t => t.Contains(signature, StringComparison.Ordinal))
                .ToList();
            Assert.True(ownPages.Count > 10, $"{name}: few pages carry its signature '{signature}'");
        }
    }

    [Fact]
    public void Generate_FolderWithOtherFiles_RefusesAndLeavesThemAlone()
    {
        var dir = Path.Combine(_root, "busy");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");

        var ex = Assert.Throws<ChatBotException>(() => SyntheticCorpusGenerator.Generate(new SyntheticCorpusOptions { Articles = 5, ReplaceExisting = true }, dir, null, CancellationToken.None));

        Assert.Contains(dir, ex.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
    }

    [Fact]
    public void Generate_EarlierSyntheticCorpusWithReplace_ReplacesIt()
    {
        Generate("r", 30);
        Assert.Throws<ChatBotException>(() => Generate("r", 10));

        var report = SyntheticCorpusGenerator.Generate(new SyntheticCorpusOptions { Articles = 10, ReplaceExisting = true }, Path.Combine(_root, "r"), null, CancellationToken.None);

        Assert.Equal(10, ArticleFiles(report.Directory).Count());
    }

    private SyntheticCorpusReport Generate(string name, int articles, SyntheticCorpusFormat format = SyntheticCorpusFormat.Files, long seed = 42, int malformedEvery = 1000) =>
        SyntheticCorpusGenerator.Generate(
            new SyntheticCorpusOptions { Articles = articles, Format = format, Seed = seed, MalformedEvery = malformedEvery },
            Path.Combine(_root, name),
            null,
            CancellationToken.None);

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static IEnumerable<string> ArticleFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(SyntheticCorpusGenerator.InboxFolder + "/", StringComparison.Ordinal)
                && ArticleExtensions.Contains(Path.GetExtension(f))
                && !f.EndsWith(".meta.yaml", StringComparison.Ordinal));

    private static string AllArticleText(string dir) =>
        string.Join("\n", ArticleFiles(dir).Select(f => File.ReadAllText(Path.Combine(dir, f))));

    /// <summary>The lines of articles.jsonl the report does not list as broken on purpose.</summary>
    private static IEnumerable<string> ValidLines(SyntheticCorpusReport report)
    {
        var broken = report.Malformed.Select(m => m.RelativePath).ToHashSet(StringComparer.Ordinal);
        return File.ReadLines(Path.Combine(report.Directory, SyntheticCorpusGenerator.JsonlFileName))
            .Where((_, i) => !broken.Contains($"{SyntheticCorpusGenerator.JsonlFileName}#{i + 1}"));
    }

    private static List<string> Signatures(string dir) =>
        [.. File.ReadLines(Path.Combine(dir, "sources.yaml"))
            .Where(l => l.TrimStart().StartsWith("signatures:", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('"', StringComparison.Ordinal) + 1)..l.LastIndexOf('"')])];

    [GeneratedRegex(@"killing (?:at least|more than|some|about|nearly) ([\d,]+)")]
    private static partial Regex TollPattern();
}
