using ChatBot.Core.Evaluation;
using ChatBot.Core.Tests.Prompts;

namespace ChatBot.Core.Tests.Evaluation;

/// <summary>The support check against the seed corpus: what the extractive composer does must count as supported.</summary>
public sealed class CitationSupportCorpusTests
{
    public static TheoryData<string> SeedArticles() => ["newarab-divided-fronts", "newarab-aleppo-fate", "duran-palmyra-advance", "eaworldview-isis-counterattack", "upi-regime-regains"];

    [Theory]
    [MemberData(nameof(SeedArticles))]
    public void Check_EverySeedLineWrappedInAttribution_IsSupported(string articleId)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "corpus", articleId + ".txt"))
            .Select(l => l.Trim())
            .Where(l => l.Split(' ').Length >= 6);

        var unsupported = new List<string>();
        foreach (var line in lines)
        {
            // The composer's wrapper: attribution, first word lower-cased, the sentence's words unchanged.
            var span = $"The Outlet reported that {char.ToLowerInvariant(line[0])}{line[1..]}";
            var verdict = CitationSupport.Check(span, Answers.Cite(1, line, articleId, "The Outlet"));
            if (!verdict.Supported)
            {
                unsupported.Add($"{verdict.Reason}: {line}");
            }
        }

        Assert.Empty(unsupported);
    }

    [Theory]
    [MemberData(nameof(SeedArticles))]
    public void Check_SeedLineWithAChangedNumber_IsNotSupported(string articleId)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "corpus", articleId + ".txt"))
            .Select(l => l.Trim())
            .Where(l => l.Split(' ').Length >= 6 && l.Any(char.IsDigit))
            .ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            var changed = System.Text.RegularExpressions.Regex.Replace(line, @"\d+", m => (long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(CitationSupport.Check(changed, Answers.Cite(1, line, articleId, "The Outlet")).Supported, changed);
        });
    }
}
