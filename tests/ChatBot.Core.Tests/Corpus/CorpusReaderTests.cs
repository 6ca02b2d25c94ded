using System.Text;
using ChatBot.Core.Configuration;
using ChatBot.Core.Corpus;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Corpus;

public sealed class CorpusReaderTests : IDisposable
{
    private const string Sources = """
        outlets:
          - name: The New Arab
            aliases: [New Arab]
            signatures: [al-Araby al-Jadeed]
          - name: UPI
            aliases: [United Press International]
            signatures: ["(UPI) --"]
        sources:
          - name: AFP
            kind: news-agency
        articles:
          layered:
            outlet: UPI
            title: Catalog title
            published: 2015-01-03
            byline: Catalog Byline
            url: https://catalog.example/layered
        """;

    private const string Body = "Headline from the text\n\nBy Text Author\n\nDAMASCUS, Syria, Oct. 11 (UPI) -- Fighting went on, al-Araby al-Jadeed said. Officials confirmed it on Oct. 11, 2015.\n";

    private readonly TempCorpus _corpus = new();
    private readonly CorpusReader _reader = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Scan_MixedFolder_ListsOnlyArticleFilesInStableOrder()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("aliases.yaml", "- name: X\n  variants: [Y]\n");
        _corpus.Write("b.txt", Body);
        _corpus.Write("b.meta.yaml", "title: T\n");
        _corpus.Write("sub/a.md", Body);
        _corpus.Write("sub/c.html", "<p>x</p>");
        _corpus.Write("d.json", "{}");
        _corpus.Write("e.jsonl", "{}");
        _corpus.Write("notes.yaml", "x: 1");
        _corpus.Write("image.png", "x");
        _corpus.Write("README.md", "About this corpus");

        var files = _reader.Scan(_corpus.Root, CancellationToken.None);

        Assert.Equal(["b.txt", "d.json", "e.jsonl", "sub/a.md", "sub/c.html"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Scan_SidecarOrCatalogEntryEdited_FingerprintChanges()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("layered.txt", Body);
        _corpus.Write("other.txt", Body);
        var before = _reader.Scan(_corpus.Root, CancellationToken.None).ToDictionary(f => f.RelativePath, f => f.Fingerprint);

        _corpus.Write("layered.meta.yaml", "title: Sidecar title\n");
        var withSidecar = _reader.Scan(_corpus.Root, CancellationToken.None).ToDictionary(f => f.RelativePath, f => f.Fingerprint);
        _corpus.Write("sources.yaml", Sources.Replace("Catalog title", "Edited title", StringComparison.Ordinal));
        var withEntry = _reader.Scan(_corpus.Root, CancellationToken.None).ToDictionary(f => f.RelativePath, f => f.Fingerprint);

        Assert.NotEqual(before["layered.txt"], withSidecar["layered.txt"]);
        Assert.NotEqual(withSidecar["layered.txt"], withEntry["layered.txt"]);
        Assert.Equal(before["other.txt"], withEntry["other.txt"]);
        Assert.Equal(withEntry["layered.txt"], _reader.Scan(_corpus.Root, CancellationToken.None).Single(f => f.RelativePath == "layered.txt").Fingerprint);
    }

    [Fact]
    public void Scan_OutletSignaturesEdited_EveryFingerprintChanges()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("other.txt", Body);
        var before = _reader.Scan(_corpus.Root, CancellationToken.None).Single().Fingerprint;

        _corpus.Write("sources.yaml", Sources.Replace("[\"(UPI) --\"]", "[\"(UPI) --\", \"/UPI\"]", StringComparison.Ordinal));

        Assert.NotEqual(before, _reader.Scan(_corpus.Root, CancellationToken.None).Single().Fingerprint);
    }

    [Fact]
    public void Read_AllLayersPresent_FrontMatterWinsThenSidecarThenCatalogThenText()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("layered.txt", "---\ntitle: Front title\n---\n" + Body);
        _corpus.Write("layered.meta.yaml", "title: Sidecar title\nbyline: Sidecar Byline\noutlet: New Arab\n");

        var meta = ReadSingle("layered.txt").Metadata;

        Assert.Equal("Front title", meta.Title);
        Assert.Equal("Sidecar Byline", meta.Byline);
        Assert.Equal("The New Arab", meta.Outlet);
        Assert.Equal(new DateOnly(2015, 1, 3), meta.Published);
        Assert.Equal("https://catalog.example/layered", meta.Url);
    }

    [Fact]
    public void Read_OnlyText_MetadataFoundInText()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("plain.txt", Body);

        var meta = ReadSingle("plain.txt").Metadata;

        Assert.Equal("plain", meta.Id);
        Assert.Equal("Headline from the text", meta.Title);
        Assert.Equal("Text Author", meta.Byline);
        Assert.Equal(new DateOnly(2015, 10, 11), meta.Published);
        Assert.False(meta.PublishedInferred);
    }

    [Fact]
    public void Read_SignaturesOfTwoOutlets_MostFrequentWins()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("sig.txt", "Title here\n\nBEIRUT, Oct. 1 (UPI) -- One. Two, said al-Araby al-Jadeed. Also al-Araby al-Jadeed.\n");

        Assert.Equal("The New Arab", ReadSingle("sig.txt").Metadata.Outlet);
    }

    [Fact]
    public void Read_NoMetadataNoSignature_FolderNamedAfterOutletDecides()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("new-arab/2016/story.txt", "A plain report.\n");

        Assert.Equal("The New Arab", ReadSingle("new-arab/2016/story.txt").Metadata.Outlet);
    }

    [Fact]
    public void Read_SignatureAndFolderDisagree_SignatureWins()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("upi/story.txt", "A report carried by al-Araby al-Jadeed.\n");

        Assert.Equal("The New Arab", ReadSingle("upi/story.txt").Metadata.Outlet);
    }

    [Fact]
    public void Read_UnknownOutlet_WarnsNamingFileAndIndexesAsUnknown()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("mystery.txt", "A plain report with no telltale phrase.\n");

        var result = Read("mystery.txt");

        Assert.Equal(ArticleMetadata.UnknownOutlet, Assert.Single(result.Articles).Metadata.Outlet);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("mystery.txt", warning.Path);
        Assert.Contains("outlet", warning.Reason, StringComparison.Ordinal);
        Assert.False(warning.Skipped);
    }

    [Fact]
    public void Read_FrontMatterNamesUnlistedOutlet_WarnsAndIndexesAsUnknown()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("x.txt", "---\noutlet: Daily Nowhere\n---\nA report.\n");

        var result = Read("x.txt");

        Assert.Equal(ArticleMetadata.UnknownOutlet, Assert.Single(result.Articles).Metadata.Outlet);
        Assert.Contains(result.Warnings, w => w.Reason.Contains("Daily Nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_IdNotASlug_SlugifiedWithWarning()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("My Story_01.txt", Body);

        var result = Read("My Story_01.txt");

        Assert.Equal("my-story-01", Assert.Single(result.Articles).Id);
        Assert.Contains(result.Warnings, w => w.Reason.Contains("slug", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FrontMatterSetsId_IdAndCatalogEntryFollowIt()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("file-name.txt", "---\nid: layered\n---\n" + Body);

        var meta = ReadSingle("file-name.txt").Metadata;

        Assert.Equal("layered", meta.Id);
        Assert.Equal("UPI", meta.Outlet);
        Assert.Equal("Catalog title", meta.Title);
    }

    [Fact]
    public void Read_FrontMatter_ExcludedFromArticleText()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("fm.md", "---\ntitle: T\n---\n" + Body);

        Assert.StartsWith("Headline from the text", ReadSingle("fm.md").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedFrontMatter_WarnsWithLineAndStillReadsArticle()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("bad.txt", "---\ntitle: ok\npublished: [unclosed\n---\n" + Body);

        var result = Read("bad.txt");

        Assert.Single(result.Articles);
        Assert.Contains(result.Warnings, w => w.Path.StartsWith("bad.txt:", StringComparison.Ordinal) && w.Reason.Contains("front matter", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MalformedSidecar_WarnsNamingSidecarAndStillReadsArticle()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("s.txt", Body);
        _corpus.Write("s.meta.yaml", "title: [oops\n");

        var result = Read("s.txt");

        Assert.Single(result.Articles);
        Assert.Contains(result.Warnings, w => w.Path.StartsWith("s.meta.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EmptyFile_SkippedWithWarning()
    {
        _corpus.Write("empty.txt", "  \n\n");

        AssertSkipped(Read("empty.txt"), "empty.txt", "empty");
    }

    [Fact]
    public void Read_BinaryFile_SkippedWithWarning()
    {
        _corpus.WriteBytes("bin.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x10, 0x00]);

        AssertSkipped(Read("bin.txt"), "bin.txt", "binary");
    }

    [Fact]
    public void Read_InvalidUtf8_SkippedWithWarning()
    {
        _corpus.WriteBytes("latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 au lait, r\u00e9sum\u00e9.\n"));

        AssertSkipped(Read("latin1.txt"), "latin1.txt", "UTF-8");
    }

    [Fact]
    public void Read_Utf16WithBom_Decoded()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.WriteBytes("u16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Body)]);

        Assert.StartsWith("Headline from the text", ReadSingle("u16.txt").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OversizedFile_SkippedWithWarning()
    {
        var reader = new CorpusReader(Options.Create(new CorpusOptions { MaxFileBytes = 100 }));
        _corpus.Write("big.txt", new string('a', 101));
        var file = reader.Scan(_corpus.Root, CancellationToken.None).Single();

        AssertSkipped(reader.Read(file, CancellationToken.None), "big.txt", "limit");
    }

    [Fact]
    public void Read_JsonArticle_FieldsAndBodyRead()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("one.json", """{"id":"json-one","outlet":"United Press International","title":"T","published":"2016-02-03","byline":["A","B"],"url":"https://u","body":"First paragraph.\n\nSecond paragraph."}""");

        var article = ReadSingle("one.json");

        Assert.Equal("json-one", article.Id);
        Assert.Equal("UPI", article.Metadata.Outlet);
        Assert.Equal(new DateOnly(2016, 2, 3), article.Metadata.Published);
        Assert.Equal("A, B", article.Metadata.Byline);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", article.Text);
        var passage = Assert.Single(new PassageSplitter().Split(article));
        Assert.Equal(["First paragraph.", "Second paragraph."], passage.Sentences.Select(s => s.Text));
    }

    [Theory]
    [InlineData("""{"id":"a1","outlet":"United Press International","title":"  Padded  ","published":"2016-02-03","byline":["A",1,{"x":"y"},["z"],"B"],"url":"https://u","views":12,"live":true,"extra":{"k":"v"},"body":"Text one."}""")]
    [InlineData("""{"ID":"a2","Title":"First","title":"Second","text":"The text.","body":"The body.","outlet":"UPI","published":20160203}""")]
    [InlineData("""{"id":"a3","outlet":"UPI","title":"Quote \"x\" \u00e9","body":"Line\nbreak \u2014 dash."}""")]
    [InlineData("""{"id":"a4","outlet":"UPI","byline":[],"body":"B.",} /* a comment */""")]
    public void Read_SameObjectAsJsonFileAndJsonLine_SameArticleAndWarnings(string json)
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("one.json", json);
        _corpus.Write("bom.json", "\uFEFF\n" + json + "\n");
        _corpus.Write("bulk.jsonl", json + "\n");

        var fromFile = Read("one.json");
        var fromBom = Read("bom.json");
        var fromLine = Read("bulk.jsonl");

        var article = Assert.Single(fromLine.Articles);
        foreach (var other in new[] { Assert.Single(fromFile.Articles), Assert.Single(fromBom.Articles) })
        {
            Assert.Equal(article.Metadata, other.Metadata);
            Assert.Equal(article.Text, other.Text);
        }

        Assert.Equal(fromLine.Warnings.Select(w => w.Reason), fromFile.Warnings.Select(w => w.Reason));
        Assert.Equal(fromLine.Warnings.Select(w => w.Reason), fromBom.Warnings.Select(w => w.Reason));
    }

    [Theory]
    [InlineData("[1, 2]", "expected one JSON object")]
    [InlineData("{\"id\": \"x\", \"body\": ", "malformed JSON")]
    [InlineData("{\"id\": \"x\", \"body\": \"B.\"} {}", "malformed JSON")]
    public void Read_NotOneArticleObject_SkippedWithTheReason(string json, string reason)
    {
        _corpus.Write("odd.json", json);

        AssertSkipped(Read("odd.json"), "odd.json", reason);
    }

    [Fact]
    public void Read_MalformedJson_SkippedWithWarning()
    {
        _corpus.Write("broken.json", "{\"id\": \"x\", \"body\": ");

        AssertSkipped(Read("broken.json"), "broken.json", "JSON");
    }

    [Fact]
    public void Read_JsonLinesWithBadLine_WarnsWithLineNumberAndLoadsTheRest()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("bulk.jsonl", string.Join('\n',
            """{"id":"a1","outlet":"UPI","title":"A","published":"2015-01-01","body":"Alpha text."}""",
            "{not json",
            "",
            """{"id":"a3","outlet":"The New Arab","title":"C","published":"2015-01-03","body":"Gamma text."}""") + "\n");

        var result = Read("bulk.jsonl");

        Assert.Equal(["a1", "a3"], result.Articles.Select(a => a.Id));
        Assert.Equal(["bulk.jsonl#1", "bulk.jsonl#4"], result.Articles.Select(a => a.SourcePath));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("bulk.jsonl:2", warning.Path);
        Assert.True(warning.Skipped);
    }

    [Fact]
    public void Read_JsonLinesWithUnlistedOutlets_OneWarningPerOutlet()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("bulk.jsonl", string.Join('\n', Enumerable.Range(1, 5).Select(i => $$"""{"id":"x{{i}}","outlet":"Frontline Daily","body":"Text {{i}}."}""")));

        var result = Read("bulk.jsonl");

        Assert.Equal(5, result.Articles.Count);
        Assert.All(result.Articles, a => Assert.Equal(ArticleMetadata.UnknownOutlet, a.Metadata.Outlet));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("bulk.jsonl:1", warning.Path);
        Assert.Contains("5 article", warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatches_JsonLines_SameArticlesAndWarningsAsReadInBatchesOfTheGivenSize()
    {
        _corpus.Write("sources.yaml", Sources);
        var lines = Enumerable.Range(1, 7).Select(i => i == 3
            ? "{not json"
            : $$"""{"id":"b{{i}}","outlet":"{{(i == 5 ? "Frontline Daily" : "UPI")}}","body":"Text {{i}}."}""");
        _corpus.Write("bulk.jsonl", string.Join('\n', lines) + "\n");
        var file = _reader.Scan(_corpus.Root, CancellationToken.None).Single(f => f.RelativePath == "bulk.jsonl");

        var batches = _reader.ReadBatches(file, 2, CancellationToken.None).ToList();
        var whole = _reader.Read(file, CancellationToken.None);

        Assert.Equal([2, 2, 2, 0], batches.Select(b => b.Articles.Count));
        Assert.Equal(whole.Articles.Select(a => a.SourcePath), batches.SelectMany(b => b.Articles).Select(a => a.SourcePath));
        Assert.Equal(whole.Warnings, batches.SelectMany(b => b.Warnings));
        Assert.Equal("bulk.jsonl:3", Assert.Single(batches[1].Warnings).Path);
        Assert.Equal("bulk.jsonl:5", Assert.Single(batches[^1].Warnings).Path);
    }

    [Fact]
    public void ReadBatches_SingleArticleFile_OneBatchAsRead()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("a.txt", Body);
        var file = _reader.Scan(_corpus.Root, CancellationToken.None).Single(f => f.RelativePath == "a.txt");

        var batch = Assert.Single(_reader.ReadBatches(file, 2, CancellationToken.None));

        Assert.Equal("a.txt", Assert.Single(batch.Articles).SourcePath);
    }

    [Fact]
    public void Read_NoCatalog_OutletNamedInMetadataKeptAsGiven()
    {
        _corpus.Write("bulk.jsonl", """{"id":"x1","outlet":"Frontline Daily","body":"Text."}""");

        var result = Read("bulk.jsonl");

        Assert.Equal("Frontline Daily", Assert.Single(result.Articles).Metadata.Outlet);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_HtmlPage_TextAndMetadataExtracted()
    {
        _corpus.Write("sources.yaml", Sources);
        _corpus.Write("page.html", """
            <!doctype html><html lang="en"><head><title>Page title | Site</title>
            <meta name="author" content="Jane Roe"><meta property="article:published_time" content="2016-12-09T10:00:00Z">
            <link rel="canonical" href="https://example.com/story"><script>var x = "<p>no</p>";</script><style>p{}</style></head>
            <body><nav><a href="/">Home</a> Menu item</nav><header>Site header</header>
            <article><h1>Regime &amp; allies push back</h1><p>Fighters advanced on Friday, al-Araby al-Jadeed reported.</p>
            <p>A second&nbsp;paragraph.<br>Still second.</p></article><aside>Sidebar</aside><footer>Footer text</footer>
            <form><input value="Subscribe"></form></body></html>
            """);

        var article = ReadSingle("page.html");

        Assert.Equal("Regime & allies push back", article.Metadata.Title);
        Assert.Equal("Jane Roe", article.Metadata.Byline);
        Assert.Equal(new DateOnly(2016, 12, 9), article.Metadata.Published);
        Assert.Equal("https://example.com/story", article.Metadata.Url);
        Assert.Equal("The New Arab", article.Metadata.Outlet);
        Assert.Contains("Fighters advanced on Friday", article.Text, StringComparison.Ordinal);
        Assert.Contains("A second\u00a0paragraph.\nStill second.", article.Text, StringComparison.Ordinal);
        foreach (var dropped in new[] { "Menu item", "Site header", "Sidebar", "Footer text", "no</p>", "Subscribe", "p{}" })
        {
            Assert.DoesNotContain(dropped, article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadCatalog_SeedSources_ListsOutletsSourcesAndArticles()
    {
        var catalog = _reader.ReadCatalog(TestCorpus.SeedDirectory);

        Assert.Contains(catalog.Outlets, o => o.Name == "UPI" && o.Signatures.Contains("(UPI) --"));
        Assert.Contains(catalog.Sources, s => s.Name == "Amaq News Agency" && s.Kind == SourceKind.ArmedGroupMedia);
        Assert.True(catalog.Articles["newarab-divided-fronts"].PublishedInferred);
    }

    [Fact]
    public void Scan_MalformedSourcesYaml_ThrowsNamingFileAndLine()
    {
        _corpus.Write("sources.yaml", "outlets:\n  - name: A\nsources:\n  - name: B\n    kind: rebel\n");

        var ex = Assert.Throws<CorpusFormatException>(() => _reader.Scan(_corpus.Root, CancellationToken.None));

        Assert.Contains("sources.yaml:5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rebel", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertSkipped(CorpusReadResult result, string path, string reason)
    {
        Assert.Empty(result.Articles);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(path, warning.Path);
        Assert.Contains(reason, warning.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(warning.Skipped);
    }

    private CorpusReadResult Read(string relativePath)
    {
        var file = _reader.Scan(_corpus.Root, CancellationToken.None).Single(f => f.RelativePath == relativePath);
        return _reader.Read(file, CancellationToken.None);
    }

    private Article ReadSingle(string relativePath) => Assert.Single(Read(relativePath).Articles);
}
