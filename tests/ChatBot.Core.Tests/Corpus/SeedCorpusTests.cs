using System.Text.Encodings.Web;
using System.Text.Json;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Corpus;

/// <summary>
/// Ingestion of the five seed articles against golden files (TestData/Corpus/ID.json): metadata, what is reporting,
/// what is stripped, captions, passages and sentence boundaries. Regenerate with CHATBOT_UPDATE_GOLDEN=1.
/// </summary>
public sealed class SeedCorpusTests
{
    public static TheoryData<string> SeedIds => new()
    {
        "newarab-divided-fronts",
        "newarab-aleppo-fate",
        "duran-palmyra-advance",
        "eaworldview-isis-counterattack",
        "upi-regime-regains",
    };

    private static readonly JsonSerializerOptions GoldenJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Read_SeedArticle_MatchesGoldenFile(string id)
    {
        var (article, passages, warnings) = Ingest(id);
        var actual = JsonSerializer.Serialize(Describe(article, passages, warnings), GoldenJson) + "\n";
        var golden = Path.Combine(TestCorpus.GoldenDirectory, id + ".json");
        if (TestCorpus.UpdateGolden)
        {
            File.WriteAllText(golden, actual);
        }

        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests with CHATBOT_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Split_SeedArticle_EverySentenceAndPassageIsExactSubstring(string id)
    {
        var (article, passages, _) = Ingest(id);
        Assert.NotEmpty(passages);
        var lastIndex = -1;
        foreach (var passage in passages)
        {
            Assert.Equal(passage.Text, article.Text.Substring(passage.Start, passage.Text.Length));
            Assert.Equal(Passage.MakeId(id, passage.Ordinal), passage.Id);
            foreach (var sentence in passage.Sentences)
            {
                Assert.Equal(sentence.Text, article.Text.Substring(sentence.Start, sentence.Text.Length));
                Assert.Equal(lastIndex + 1, sentence.Index);
                Assert.InRange(sentence.Start, passage.Start, passage.Start + passage.Text.Length - sentence.Text.Length);
                lastIndex = sentence.Index;
            }
        }
    }

    [Theory]
    [InlineData("eaworldview-isis-counterattack", "Jafra")]
    [InlineData("eaworldview-isis-counterattack", "200 technicals")]
    [InlineData("eaworldview-isis-counterattack", "Related Posts")]
    [InlineData("eaworldview-isis-counterattack", "Leave a Comment")]
    [InlineData("eaworldview-isis-counterattack", "See Syria Daily")]
    [InlineData("duran-palmyra-advance", "Patreon")]
    [InlineData("duran-palmyra-advance", "Notify of")]
    [InlineData("duran-palmyra-advance", "do not necessarily represent")]
    [InlineData("duran-palmyra-advance", "CONFIRMED: Russia NOT behind")]
    [InlineData("duran-palmyra-advance", "Bitter battles rage")]
    [InlineData("upi-regime-regains", "Advertisement")]
    [InlineData("upi-regime-regains", "Latest Headlines")]
    [InlineData("upi-regime-regains", "License Photo")]
    [InlineData("newarab-aleppo-fate", "2 min read")]
    public void Split_SeedArticle_NonReportingTextNeverInAPassage(string id, string stripped)
    {
        var (_, passages, _) = Ingest(id);
        Assert.DoesNotContain(passages, p => p.Text.Contains(stripped, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EaWorldViewCommentThread_MarkedAsReaderComments()
    {
        var (article, _, _) = Ingest("eaworldview-isis-counterattack");
        var jafra = article.Text.IndexOf("SDF has captured the Jafra oil fields", StringComparison.Ordinal);
        var technicals = article.Text.IndexOf("The coalition just shipped 200 technicals", StringComparison.Ordinal);
        Assert.Equal(SegmentKind.ReaderComments, KindAt(article, jafra));
        Assert.Equal(SegmentKind.ReaderComments, KindAt(article, technicals));
    }

    [Theory]
    [InlineData("newarab-divided-fronts", "Syrian regime artillery bombarded the fast-shrinking rebel enclave in the heart of Aleppo on Friday [AFP]")]
    [InlineData("newarab-aleppo-fate", "Syrian rebels have been fighting off a regime offensive in Aleppo [Anadolu]")]
    [InlineData("newarab-aleppo-fate", "IS claimed this video shows its fighters\u00a0capturing a checkpoint\nin Aleppo, but this cannot be independently\nverified by al-Araby al-Jadeed")]
    [InlineData("eaworldview-isis-counterattack", "Claimed image of pro-Assad forces in Deir ez-Zor Province in eastern Syria")]
    public void Split_SeedCaption_IsOneCaptionPassage(string id, string caption)
    {
        var (_, passages, _) = Ingest(id);
        var passage = Assert.Single(passages, p => p.Text == caption);
        Assert.Equal(PassageKind.Caption, passage.Kind);
    }

    [Fact]
    public void Split_UpiCaptionPrintedTwice_KeptOnce()
    {
        var (_, passages, _) = Ingest("upi-regime-regains");
        var caption = Assert.Single(passages, p => p.Kind == PassageKind.Caption);
        Assert.EndsWith("Photo by Radwan Homsy/UPI", caption.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eaworldview-isis-counterattack", "\u201cThe Syrian army and its allies completely secured the Deir al-Zor-Palmyra highway after foiling the intense attack,\u201d a Hezbollah media unit said.")]
    [InlineData("newarab-divided-fronts", "On Friday, Russia - Syria's key ally - said that the assault on the besieged city will continue as long as the rebels remain inside Aleppo, describing opposition fighters as \"bandits\".")]
    [InlineData("newarab-divided-fronts", "The IS advance brought the militants to within four kilometres [two and a half miles] of the desert city, which regime forces recaptured in March.")]
    [InlineData("newarab-aleppo-fate", "A video posted on YouTube appears to show IS fighters capturing a checkpoint on the road, although the content cannot\u00a0be independently verified by al-Araby al-Jadeed.")]
    [InlineData("upi-regime-regains", "DAMASCUS, Syria, Oct. 11 (UPI) -- The Syrian military, backed by Russian airstrikes and Hezbollah fighters, is regaining multiple territories in a countrywide counter-attack, according to reports.")]
    [InlineData("eaworldview-isis-counterattack", "Twelve other people died in Harem, 20 km (12.5 miles) northwest of Idlib city.")]
    public void Split_SeedSentence_IsOneWholeSentence(string id, string sentence)
    {
        var (_, passages, _) = Ingest(id);
        Assert.Contains(passages.SelectMany(p => p.Sentences), s => s.Text == sentence);
    }

    private static SegmentKind? KindAt(Article article, int offset)
    {
        Assert.True(offset >= 0, "text not found in the article");
        return article.Segments.FirstOrDefault(s => offset >= s.Start && offset < s.End)?.Kind;
    }

    internal static (Article Article, IReadOnlyList<Passage> Passages, IReadOnlyList<CorpusWarning> Warnings) Ingest(string id)
    {
        var reader = new CorpusReader();
        var file = Assert.Single(reader.Scan(TestCorpus.SeedDirectory, CancellationToken.None), f => f.RelativePath == id + ".txt");
        var result = reader.Read(file, CancellationToken.None);
        var article = Assert.Single(result.Articles);
        return (article, new PassageSplitter().Split(article), result.Warnings);
    }

    private static object Describe(Article article, IReadOnlyList<Passage> passages, IReadOnlyList<CorpusWarning> warnings) => new
    {
        metadata = new
        {
            id = article.Metadata.Id,
            outlet = article.Metadata.Outlet,
            title = article.Metadata.Title,
            published = article.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            publishedInferred = article.Metadata.PublishedInferred,
            byline = article.Metadata.Byline,
            url = article.Metadata.Url,
        },
        warnings = warnings.Select(w => w.ToString()),
        segments = article.Segments.Select(s => new { kind = s.Kind.ToString(), start = s.Start, text = Shorten(article.Text.Substring(s.Start, s.Length)) }),
        passages = passages.Select(p => new { id = p.Id, kind = p.Kind.ToString(), start = p.Start, sentences = p.Sentences.Select(s => s.Text) }),
    };

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..120] + " … " + s[^30..];
}
