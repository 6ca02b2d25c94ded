using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Attribution;

namespace ChatBot.Core.Tests.Attribution;

/// <summary>
/// Everything claim extraction and dispute detection produce over the seed corpus, against golden files
/// (TestData/Attribution/*.golden.json), so that a change of behaviour (for instance from a speed-up) shows.
/// Regenerate with CHATBOT_UPDATE_GOLDEN=1 only when a behaviour change is intended.
/// </summary>
public sealed class AttributionGoldenTests
{
    private static readonly string[] Questions =
    [
        "Anything?",
        "Did IS break the regime's defensive lines in Aleppo?",
        "Did IS capture a checkpoint on the Aleppo supply road?",
        "Did Russia stop bombing Aleppo?",
        "Did Syrian soldiers flee near Palmyra?",
        "How close did IS get to Palmyra?",
        "How many ISIS fighters are advancing on Palmyra?",
        "How many civilians were killed in Idlib?",
        "How many pro-Assad fighters were killed near Deir ez-Zor?",
        "Is the Deir ez-Zor to Palmyra highway open?",
        "What did IS seize near Palmyra?",
        "What did Russia say about the assault on Aleppo?",
        "What is the population of Latakia?",
        "What losses did the regime suffer near Deir ez-Zor?",
        "Who are Russia's airstrikes hitting?",
        "Who holds Palmyra?",
        "How much of Aleppo does the regime control?",
    ];

    private static readonly JsonSerializerOptions GoldenJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private static string GoldenDirectory => Path.Combine(RepositoryPaths.Root, "tests", "ChatBot.Core.Tests", "TestData", "Attribution");

    [Fact]
    public void Extract_SeedCorpus_MatchesGoldenFile()
    {
        var articles = SeedCorpus.ArticleIds.ToDictionary(id => id, id => SeedCorpus.Load(id).Claims);
        AssertGolden("claims.golden.json", JsonSerializer.Serialize(articles, GoldenJson));
    }

    [Fact]
    public void Detect_SeedCorpus_MatchesGoldenFile()
    {
        var evidence = SeedCorpus.AllEvidence();
        var detector = new RuleBasedDisputeDetector();
        var results = Questions.ToDictionary(
            q => q,
            q => detector.Detect(q, evidence).Select(d => new
            {
                d.Kind,
                d.Topic,
                Positions = d.Positions.Select(p => new { p.Evidence.Hit.Article.Id, p.Evidence.Sentence.Index, p.Claimant }),
            }));
        AssertGolden("disputes.golden.json", JsonSerializer.Serialize(results, GoldenJson));
    }

    private static void AssertGolden(string name, string json)
    {
        var actual = json + "\n";
        var golden = Path.Combine(GoldenDirectory, name);
        if (Environment.GetEnvironmentVariable("CHATBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual, Encoding.UTF8);
        }

        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests with CHATBOT_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
